package dev.tidesk.workspace;

import dev.tidesk.ticket.RequestForm;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/**
 * A call recorded by an agent: either an existing contact ({@code contactId}) or a new one
 * (organization, name, phone, e-mail), and what the caller asked for.
 */
public class PhoneRequestForm extends RequestForm {

    private Long contactId;
    private Long organizationId;

    @Size(max = 200)
    private String newContactName;

    @Size(max = 50)
    private String newContactPhone;

    @Email
    @Size(max = 200)
    private String newContactEmail;

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
}
