package dev.tidesk.customer;

/** A client's site; a deactivated one ({@code active} false) is offered for no new request. */
public record SiteView(long id, long organizationId, String name, String liveUrl, String testUrl, boolean active) {}
