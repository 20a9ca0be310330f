package io.chipbet.funding.investor;

import io.chipbet.platform.api.Amounts;
import io.chipbet.platform.contract.funding.InvestorKind;
import io.chipbet.platform.contract.funding.InvestorRef;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Who puts money in: a sovereign fund, a company, a government, private capital. */
@Entity
@Table(name = "investor", uniqueConstraints = @UniqueConstraint(name = "investor_name_key_unique", columnNames = "name_key"))
public class Investor {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** The name in lower case: names are unique regardless of case. */
    @Column(name = "name_key", nullable = false)
    public String nameKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InvestorKind kind;

    @Column(nullable = false, length = 2)
    public String country;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Investor create(String name, InvestorKind kind, String country) {
        Investor investor = new Investor();
        investor.id = UUID.randomUUID();
        investor.name = name.trim();
        investor.nameKey = keyOf(name);
        investor.kind = kind;
        investor.country = country.toUpperCase(Locale.ROOT);
        investor.createdAt = Amounts.now();
        return investor;
    }

    public static String keyOf(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    public InvestorRef toRef() {
        return new InvestorRef(id, name, kind, country);
    }
}
