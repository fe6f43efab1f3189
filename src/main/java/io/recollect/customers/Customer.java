package io.recollect.customers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

/** The account: whom we bill and remind, in which language and currency. */
@Entity
@Table(name = "customers")
public class Customer {

    @Id
    private UUID id;
    private String externalRef;
    private String name;
    private String email;
    /** The number collectors call; null when the customer gave none. */
    private String phone;
    private String language;
    @Enumerated(EnumType.STRING)
    private Segment segment;
    @Enumerated(EnumType.STRING)
    private RiskBand riskBand;
    @Column(name = "currency")
    private String currencyCode;
    private Instant createdAt;
    private boolean hardship;
    /** The team of collectors who work this account; null: any collector. */
    private String team;
    private String hardshipReportedBy;
    @Version
    private Long version;

    protected Customer() {
    }

    Customer(String externalRef, String name, String email, String phone, String language, Segment segment,
            RiskBand riskBand, Currency currency, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.externalRef = externalRef;
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.language = language;
        this.segment = segment;
        this.riskBand = riskBand;
        this.currencyCode = currency.getCurrencyCode();
        this.createdAt = createdAt;
    }

    /** Returns whether the flag changed. */
    boolean markHardship(boolean hardship, String actor) {
        boolean changed = this.hardship != hardship;
        this.hardship = hardship;
        if (changed) {
            hardshipReportedBy = hardship ? actor : null;
        }
        return changed;
    }

    void assignTeam(String team) {
        this.team = team;
    }

    public String getTeam() {
        return team;
    }

    String getHardshipReportedBy() {
        return hardshipReportedBy;
    }

    public boolean isHardship() {
        return hardship;
    }

    public UUID getId() {
        return id;
    }

    public String getExternalRef() {
        return externalRef;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getLanguage() {
        return language;
    }

    public Segment getSegment() {
        return segment;
    }

    public RiskBand getRiskBand() {
        return riskBand;
    }

    public Currency getCurrency() {
        return Currency.getInstance(currencyCode);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
