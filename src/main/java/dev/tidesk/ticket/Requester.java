package dev.tidesk.ticket;

/** Who a request is from, as it is copied onto the request for lists and search. */
record Requester(
        Long organizationId, String organizationName, Long contactId, String contactName, String contactEmail) {}
