package io.chipbet.platform.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * chipbet's architecture rules, checked on a module's main classes (ArchUnit). Each module's test
 * class extends this and names its root package; {@code ./mvnw verify} runs them everywhere:
 *
 * <ul>
 *   <li>services never import each other: a module's code uses its own packages and platform's, no other chipbet module's;</li>
 *   <li>a module's packages form no cycle;</li>
 *   <li>resources map HTTP only: they touch neither the outbox, the journal nor repositories, sessions or Panache;</li>
 *   <li>resources expose no entity: no endpoint takes or returns one, not even inside a Uni, a List or a Page, nor one it
 *       inherits (a type argument of its superclass, e.g. {@code CreatingResource<FabState, NewFab>});</li>
 *   <li>(producing services) the service owns the transaction: no resource opens a session or a transaction;</li>
 *   <li>resources declare what they produce (JSON unless a method says otherwise): an Accept they cannot serve gets 406,
 *       not a body written by whatever writer matches (a Java toString as application/xml, once).</li>
 * </ul>
 */
public abstract class ArchitectureTest {

    /** The module's root package, e.g. {@code io.chipbet.fab}. */
    protected abstract String rootPackage();

    /** Whether resources may open sessions themselves: only projection-service's read endpoints still do. */
    protected boolean resourcesMayOpenSessions() {
        return false;
    }

    protected JavaClasses mainClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(rootPackage());
    }

    private static final DescribedPredicate<JavaClass> RESOURCES = DescribedPredicate.describe("are resources (@Path)",
            type -> type.isAnnotatedWith(jakarta.ws.rs.Path.class));

    @Test
    void servicesNeverImportEachOther() {
        String own = rootPackage() + "..";
        ArchRule rule = noClasses().that().resideInAPackage(own)
                .should().dependOnClassesThat(resideInAPackage("io.chipbet..")
                        .and(not(resideInAnyPackage(own, "io.chipbet.platform.."))))
                .because("a service knows other services only by their events and contracts in platform");
        rule.check(mainClasses());
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching(rootPackage() + ".(*)..").should().beFreeOfCycles().check(mainClasses());
    }

    @Test
    void resourcesTouchNeitherTheOutboxNorRepositories() {
        ArchRule rule = noClasses().that(RESOURCES)
                .should().dependOnClassesThat(resideInAnyPackage("io.chipbet.platform.outbox..", "io.chipbet.platform.history..")
                        .or(assignableTo(io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase.class))
                        .or(assignableTo(io.quarkus.hibernate.reactive.panache.PanacheEntityBase.class))
                        .or(assignableTo(io.quarkus.hibernate.reactive.panache.Panache.class))
                        .or(assignableTo(org.hibernate.reactive.mutiny.Mutiny.Session.class))
                        .or(assignableTo(org.hibernate.reactive.mutiny.Mutiny.SessionFactory.class))
                        .or(JavaClass.Predicates.simpleNameEndingWith("Repository")))
                .because("a resource maps HTTP to a service call; the service and its repositories persist");
        rule.allowEmptyShould(true).check(mainClasses());
    }

    @Test
    void resourcesExposeNoEntity() {
        ArchRule rule = classes().that(RESOURCES).should(exposeNoEntity());
        rule.allowEmptyShould(true).check(mainClasses());
    }

    @Test
    void theServiceOwnsTheTransaction() {
        if (resourcesMayOpenSessions()) {
            return;
        }
        ArchRule rule = noClasses().that(RESOURCES).should().dependOnClassesThat(resideInAPackage("io.quarkus.hibernate.reactive.panache.common"))
                .because("@WithTransaction and @WithSession belong on the service's use cases, not on resources");
        rule.allowEmptyShould(true).check(mainClasses());
    }

    @Test
    void resourcesDeclareWhatTheyProduce() {
        ArchRule rule = classes().that(RESOURCES).should().beAnnotatedWith(jakarta.ws.rs.Produces.class)
                .because("without @Produces, Quarkus REST answers any Accept, e.g. application/xml with a toString body");
        rule.allowEmptyShould(true).check(mainClasses());
    }

    private static ArchCondition<JavaClass> exposeNoEntity() {
        return new ArchCondition<>("take or return no entity") {
            @Override
            public void check(JavaClass resource, ConditionEvents events) {
                // An endpoint inherited from platform's io.chipbet.platform.rest takes and returns its type arguments.
                resource.getSuperclass().ifPresent(superclass -> {
                    for (JavaClass type : superclass.getAllInvolvedRawTypes()) {
                        if (type.isAnnotatedWith(jakarta.persistence.Entity.class) || type.isAnnotatedWith(jakarta.persistence.MappedSuperclass.class)) {
                            events.add(SimpleConditionEvent.violated(resource, resource.getName() + " exposes the entity " + type.getName()
                                    + " through its superclass " + superclass.getName()));
                        }
                    }
                });
                for (JavaMethod method : resource.getMethods()) {
                    if (!method.isAnnotatedWith(jakarta.ws.rs.GET.class) && !method.isAnnotatedWith(jakarta.ws.rs.POST.class)
                            && !method.isAnnotatedWith(jakarta.ws.rs.PUT.class) && !method.isAnnotatedWith(jakarta.ws.rs.DELETE.class)
                            && !method.isAnnotatedWith(jakarta.ws.rs.PATCH.class)) {
                        continue;
                    }
                    List<JavaClass> involved = new java.util.ArrayList<>(method.getReturnType().getAllInvolvedRawTypes());
                    method.getParameterTypes().forEach(type -> involved.addAll(type.getAllInvolvedRawTypes()));
                    for (JavaClass type : involved) {
                        if (type.isAnnotatedWith(jakarta.persistence.Entity.class) || type.isAnnotatedWith(jakarta.persistence.MappedSuperclass.class)) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName() + " exposes the entity " + type.getName()));
                        }
                    }
                }
            }
        };
    }
}
