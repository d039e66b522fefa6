/**
 * Client organizations, their contacts and their sites (live URL and test copy).
 *
 * <p>Read models other modules' SQL may query (V455): {@code customer_organization_v}, a client's
 * {@code name} by {@code id}, and {@code customer_site_v}, a site's {@code live_url} by {@code id}
 * (deactivated ones included).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Customer",
        allowedDependencies = {"shared", "identity"})
package dev.tidesk.customer;
