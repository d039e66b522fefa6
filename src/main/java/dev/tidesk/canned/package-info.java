/**
 * Canned replies (шаблоны ответов): personal and shared texts in Russian and English with variables
 * ({@code {{client_first_name}}}, {@code {{tid}}}, {@code {{hours_left}}}...) filled from the request
 * when an agent picks one in the reply box; and each staff member's signature for replies to clients.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Canned replies",
        allowedDependencies = {"shared", "identity"})
package dev.tidesk.canned;
