package dev.tidesk.customer;

public record SiteView(long id, long organizationId, String name, String liveUrl, String testUrl) {}
