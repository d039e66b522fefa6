package dev.tidesk.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a new request says, as a form: the client's own in the portal, and the agent's record of a
 * call ({@code PhoneRequestForm} adds who called).
 */
public class RequestForm {

    @NotBlank
    @Size(max = 300)
    private String subject;

    @NotBlank
    @Size(max = 100_000)
    private String body;

    @NotNull
    private Urgency urgency = Urgency.NORMAL;

    private Long siteId;

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
