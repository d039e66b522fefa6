package dev.tidesk.workspace;

import dev.tidesk.ticket.Urgency;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A call recorded by an agent: either an existing contact ({@code contactId}) or a new one
 * (organization, name, phone, e-mail), and what the caller asked for.
 */
public class PhoneRequestForm {

    private Long contactId;
    private Long organizationId;
    @Size(max = 200)
    private String newContactName;
    @Size(max = 50)
    private String newContactPhone;
    @Email
    @Size(max = 200)
    private String newContactEmail;
    @NotBlank
    @Size(max = 300)
    private String subject;
    @NotBlank
    private String body;
    @NotNull
    private Urgency urgency = Urgency.NORMAL;
    private Long siteId;

    public Long getContactId() {
        return contactId;
    }

    public void setContactId(Long contactId) {
        this.contactId = contactId;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public void setOrganizationId(Long organizationId) {
        this.organizationId = organizationId;
    }

    public String getNewContactName() {
        return newContactName;
    }

    public void setNewContactName(String newContactName) {
        this.newContactName = newContactName;
    }

    public String getNewContactPhone() {
        return newContactPhone;
    }

    public void setNewContactPhone(String newContactPhone) {
        this.newContactPhone = newContactPhone;
    }

    public String getNewContactEmail() {
        return newContactEmail;
    }

    public void setNewContactEmail(String newContactEmail) {
        this.newContactEmail = newContactEmail;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public void setUrgency(Urgency urgency) {
        this.urgency = urgency;
    }

    public Long getSiteId() {
        return siteId;
    }

    public void setSiteId(Long siteId) {
        this.siteId = siteId;
    }
}
