/** Client organizations, their contacts and their sites (live URL and test copy). */
@org.springframework.modulith.ApplicationModule(
        displayName = "Customer",
        allowedDependencies = {"shared", "identity"})
package dev.tidesk.customer;
