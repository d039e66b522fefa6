/**
 * Notices in the workspace (the bell): each staff member is told, in the transaction of the change, of
 * what concerns them: a new request in a queue they work, a client's reply or files on a request
 * they are assigned to or watch, their tasks moving on, an SLA warning, a mention in a note, and the
 * client's deferral and test-copy decisions. Never the person who caused it. Also who watches which
 * request, and the {@code @login} mentions of internal notes ({@link dev.tidesk.notice.Mentions}).
 *
 * <p>Its SQL reads other modules through their views: {@code ticket_message_v} (unread marks), the
 * team's {@code team_staff_v} (names, addresses, roles) and the identity module's
 * {@code identity_staff_account_v} (logins for mentions, languages for digests).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Notice",
        allowedDependencies = {
            "shared",
            "identity",
            "team",
            "ticket",
            "task",
            "routing",
            "contract",
            "contract::deferral"
        })
package dev.tidesk.notice;
