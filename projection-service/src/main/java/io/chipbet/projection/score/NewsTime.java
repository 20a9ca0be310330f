package io.chipbet.projection.score;

import io.chipbet.platform.contract.common.SourceRef;
import io.chipbet.platform.contract.fab.FabState;
import io.chipbet.platform.contract.funding.CommitmentState;
import io.chipbet.platform.contract.talent.ShortfallEstimateState;
import io.chipbet.platform.contract.talent.TalentPoolState;
import io.chipbet.platform.contract.talent.TrainingProgramState;
import io.chipbet.projection.ingest.AggregateStore;
import io.chipbet.projection.ingest.EventParser;
import io.chipbet.projection.ingest.IncomingEvent;
import io.chipbet.projection.model.FeasibilityModel;
import io.chipbet.projection.model.ModelConfig;
import io.chipbet.projection.model.Outlook;
import io.chipbet.projection.model.PlanTerms;
import io.chipbet.projection.model.Quantiles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The record in news time: what it said on a given day (every fact whose news date is on or before it,
 * each at its latest version known by then), and the answer's history over news dates. A fact loaded
 * today with an old news date lands at that date, and the history after it is recomputed: the series
 * is swept again from the stored events once something changed (one sweep at a time; readers in
 * between get the last one).
 */
@ApplicationScoped
public class NewsTime {

    /** Beyond this many news dates, the history keeps the last point of each week. */
    static final int MAX_POINTS = 500;

    private final ModelConfig config;
    private final PlanTerms plan;
    private final AggregateStore store;
    private final EventParser parser;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<Series> series = new AtomicReference<>();

    public NewsTime(ModelConfig config, AggregateStore store, EventParser parser) {
        this.config = config;
        this.plan = PlanTerms.of(config, config.plan());
        this.store = store;
        this.parser = parser;
    }

    /** One point of the history in news time: the answer on a news date, and the news of that day. */
    @Schema(name = "NewsPoint")
    public record NewsPoint(LocalDate on, double probability, Quantiles deliverableFabsWorth, String binding, double bindingFrequency,
                            int facts, @Schema(description = "The facts that became known that day, e.g. 'Samsung Taylor delayed'") List<String> news,
                            @Schema(description = "The source of each of news, in the same order: the fact's newest source on record") List<SourceRef> sources) {
    }

    private record Series(long generation, List<NewsPoint> points) {
    }

    /** One stored event, as the sweep reads it. */
    private record Row(LocalDate on, String key, long version, String json) {
        static List<Row> of(List<Object[]> rows) {
            return rows.stream().map(row -> new Row(row[0] instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) row[0],
                    row[1] + ":" + row[2], ((Number) row[3]).longValue(), (String) row[4])).toList();
        }
    }

    void changed(@ObservesAsync NewsDatesChanged change) {
        generation.incrementAndGet();
    }

    /** The history in news time, from {@code from} to {@code to} (inclusive). */
    public Uni<List<NewsPoint>> history(LocalDate from, LocalDate to) {
        long wanted = generation.get();
        Series cached = series.get();
        Uni<List<NewsPoint>> points = cached != null && cached.generation() == wanted ? Uni.createFrom().item(cached.points())
                : Panache.withSession(store::eventsByNewsDate).emitOn(Infrastructure.getDefaultWorkerPool()).map(rows -> {
                    List<NewsPoint> swept = sweep(Row.of(rows));
                    series.set(new Series(wanted, swept));
                    return swept;
                });
        return points.map(all -> all.stream().filter(point -> !point.on().isBefore(from) && !point.on().isAfter(to)).toList());
    }

    /** The whole answer as the record stood on {@code date}, in news time. */
    public Uni<Feasibility> asOf(LocalDate date) {
        return Panache.withSession(() -> store.eventsByNewsDateUpTo(date)).emitOn(Infrastructure.getDefaultWorkerPool()).map(rows -> {
            Map<String, Long> versions = new HashMap<>();
            Map<String, Object> states = new HashMap<>();
            for (Row row : Row.of(rows)) {
                if (row.version() > versions.getOrDefault(row.key(), 0L)) {
                    versions.put(row.key(), row.version());
                    states.put(row.key(), event(row.json()).state());
                }
            }
            return Answers.evaluate(config, new ArrayList<>(states.values()), date);
        });
    }

    /** Each news date in order: that day's facts put in, then the answer on that day. */
    private List<NewsPoint> sweep(List<Row> rows) {
        FeasibilityModel model = new FeasibilityModel(config, plan);
        Map<String, Long> versions = new HashMap<>();
        List<NewsPoint> points = new ArrayList<>();
        boolean weekly = rows.stream().map(Row::on).distinct().count() > MAX_POINTS;
        int i = 0;
        while (i < rows.size()) {
            LocalDate day = rows.get(i).on();
            List<String> news = new ArrayList<>();
            List<SourceRef> sources = new ArrayList<>();
            int facts = 0;
            while (i < rows.size() && (rows.get(i).on().equals(day) || weekly && sameWeek(rows.get(i).on(), day))) {
                Row row = rows.get(i++);
                day = row.on(); // a week's point stands on its last day
                if (row.version() > versions.getOrDefault(row.key(), 0L)) {
                    versions.put(row.key(), row.version());
                    IncomingEvent event = event(row.json());
                    model.put(event.state());
                    facts++;
                    if (news.size() < 5) {
                        news.add(Attribution.subject(event));
                        sources.add(newestSource(event.state()));
                    }
                }
            }
            if (facts == 0) {
                continue;
            }
            Outlook outlook = model.simulate(model.prepare(day, true));
            Map.Entry<String, Double> binding = outlook.bindingFrequency().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            points.add(new NewsPoint(day, outlook.probability(), outlook.deliverableWpm().scaled(1 / plan.nameplateWpm()), binding.getKey(),
                    binding.getValue(), facts, news, sources));
        }
        return points;
    }

    /** The source a fact was last given (a write adds its source to the fact's list), for the news of its day. */
    private static SourceRef newestSource(Object state) {
        List<SourceRef> sources = state instanceof FabState f ? f.sources() : state instanceof CommitmentState c ? c.sources()
                : state instanceof TalentPoolState p ? p.sources() : null;
        if (sources != null) {
            return sources.isEmpty() ? null : sources.get(sources.size() - 1);
        }
        return state instanceof ShortfallEstimateState e ? e.source() : state instanceof TrainingProgramState t ? t.source() : null;
    }

    private static boolean sameWeek(LocalDate a, LocalDate b) {
        return a.with(java.time.DayOfWeek.MONDAY).equals(b.with(java.time.DayOfWeek.MONDAY));
    }

    private IncomingEvent event(String json) {
        try {
            return parser.parse(json.getBytes(StandardCharsets.UTF_8));
        } catch (EventParser.Poison e) {
            throw new IllegalStateException("A stored event is unreadable: " + e.getMessage(), e);
        }
    }

}
