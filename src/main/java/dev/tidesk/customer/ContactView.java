package dev.tidesk.customer;

public record ContactView(long id, long organizationId, String fullName, String email, String phone,
        String position, String language) {
}
