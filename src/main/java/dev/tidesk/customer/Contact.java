package dev.tidesk.customer;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

@Entity
class Contact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long organizationId;
    private String fullName;
    private String email;
    private String extraEmails;
    private String phone;
    private String phoneDigits;
    private String position;
    private String language;
    private boolean monthlyStatement;
    private boolean active = true;
    private Instant createdAt;

    protected Contact() {}

    Contact(long organizationId, String fullName, String email, String phone, String language, Instant createdAt) {
        this.createdAt = createdAt;
        this.organizationId = organizationId;
        this.fullName = fullName.trim();
        this.email = email == null || email.isBlank() ? null : email.trim().toLowerCase();
        this.phone = phone == null || phone.isBlank() ? null : phone.trim();
        this.phoneDigits = Customers.digits(phone);
        this.language = "en".equals(language) ? "en" : "ru";
    }

    ContactView view() {
        return new ContactView(
                id, organizationId, fullName, email, extraEmails, phone, position, language, monthlyStatement, active);
    }

    Long getId() {
        return id;
    }

    Long getOrganizationId() {
        return organizationId;
    }

    void setMonthlyStatement(boolean monthlyStatement) {
        this.monthlyStatement = monthlyStatement;
    }

    void setPosition(String position) {
        this.position = position;
    }

    /** Takes the edited details; the caller has checked the addresses. */
    void edit(String fullName, String email, String extraEmails, String phone, String position, String language) {
        this.fullName = fullName.trim();
        this.email = email == null || email.isBlank() ? null : email.trim().toLowerCase();
        this.extraEmails = extraEmails == null || extraEmails.isBlank() ? null : extraEmails;
        this.phone = phone == null || phone.isBlank() ? null : phone.trim();
        this.phoneDigits = Customers.digits(phone);
        this.position = position == null || position.isBlank() ? null : position.strip();
        this.language = "en".equals(language) ? "en" : "ru";
    }

    void setActive(boolean active) {
        this.active = active;
    }
}
