package dev.tidesk.customer;

import dev.tidesk.shared.Requisites;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

@Entity
class Organization {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String inn;
    private String emailDomain;
    private String notes;
    private boolean active = true;
    private Instant createdAt;
    private String legalName;
    private String kpp;
    private String ogrn;
    private String address;
    private String bankAccount;
    private String bankName;
    private String bik;
    private String correspondentAccount;
    private String signatoryName;
    private String signatoryPosition;

    protected Organization() {}

    Organization(String name, String emailDomain, Instant createdAt) {
        this.createdAt = createdAt;
        this.name = name.trim();
        this.emailDomain = emailDomain == null || emailDomain.isBlank()
                ? null
                : emailDomain.trim().toLowerCase();
    }

    OrganizationView view() {
        return new OrganizationView(id, name, emailDomain, active);
    }

    void edit(String name, String emailDomain) {
        this.name = name.trim();
        this.emailDomain = emailDomain == null || emailDomain.isBlank()
                ? null
                : emailDomain.trim().toLowerCase();
    }

    void setActive(boolean active) {
        this.active = active;
    }

    Requisites requisites() {
        return new Requisites(
                legalName,
                inn,
                kpp,
                ogrn,
                address,
                bankAccount,
                bankName,
                bik,
                correspondentAccount,
                signatoryName,
                signatoryPosition);
    }

    void changeRequisites(Requisites r) {
        legalName = r.legalName();
        inn = r.inn();
        kpp = r.kpp();
        ogrn = r.ogrn();
        address = r.address();
        bankAccount = r.bankAccount();
        bankName = r.bankName();
        bik = r.bik();
        correspondentAccount = r.correspondentAccount();
        signatoryName = r.signatoryName();
        signatoryPosition = r.signatoryPosition();
    }

    Long getId() {
        return id;
    }
}
