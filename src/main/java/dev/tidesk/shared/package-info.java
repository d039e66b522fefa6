/** Value types and installation settings shared by every module; no business rules here. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Shared",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.tidesk.shared;
