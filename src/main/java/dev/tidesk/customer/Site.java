package dev.tidesk.customer;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A client's site: the live copy and, when it has one, its test copy. */
@Entity
class Site {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long organizationId;
    private String name;
    private String liveUrl;
    private String testUrl;
    private boolean active = true;
    private Instant createdAt;

    protected Site() {}

    Site(long organizationId, String name, String liveUrl, String testUrl, Instant createdAt) {
        this.createdAt = createdAt;
        this.organizationId = organizationId;
        this.name = name;
        this.liveUrl = liveUrl;
        this.testUrl = testUrl;
    }

    void edit(String name, String liveUrl, String testUrl) {
        this.name = name;
        this.liveUrl = liveUrl;
        this.testUrl = testUrl;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    Long getOrganizationId() {
        return organizationId;
    }

    SiteView view() {
        return new SiteView(id, organizationId, name, liveUrl, testUrl, active);
    }
}
