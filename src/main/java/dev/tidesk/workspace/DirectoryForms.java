package dev.tidesk.workspace;

import dev.tidesk.identity.Role;
import dev.tidesk.team.Specialty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The edit forms of the client directory and the team. */
final class DirectoryForms {

    private DirectoryForms() {}

    record OrganizationForm(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String emailDomain) {}

    record ContactForm(
            @NotBlank @Size(max = 200) String fullName,
            @Email @Size(max = 200) String email,
            @Size(max = 1000) String extraEmails,
            @Size(max = 50) String phone,
            @Size(max = 200) String position,
            @NotNull @Pattern(regexp = "ru|en") String language,
            Boolean monthlyStatement) {

        boolean statement() {
            return Boolean.TRUE.equals(monthlyStatement);
        }
    }

    record SiteForm(
            @Size(max = 200) String name,
            @NotBlank @Size(max = 500) String liveUrl,
            @Size(max = 500) String testUrl) {}

    record StaffForm(
            @NotBlank @Size(max = 200) String fullName,
            @NotNull Role role,
            Specialty specialty) {}
}
