/**
 * Notices in the workspace (the bell): each staff member is told, in the transaction of the change, of
 * what concerns them: a new request in a queue they work (one notice shared by everyone on duty), a client's reply or files on a request
 * they are assigned to or watch, their tasks moving on, an SLA warning, a mention in a note, and the
 * client's deferral and test-copy decisions. Never the person who caused it. Also who watches which
 * request, and the {@code @login} mentions of internal notes ({@link dev.tidesk.notice.Mentions}).
 *
 * <p>Its tables: {@code notification}, the notices, of two kinds. A personal row has a
 * {@code recipient_id} and its own {@code read_at}. A shared row ({@code recipient_id} null) tells
 * its {@code audience}, an array of staff ids: a new request is one shared row for every agent on duty
 * (whoever caused it left out), however many they are, and those who chose new requests by e-mail get
 * a personal row instead (marked {@code to_mail} for their digest) and stay out of the audience. Who
 * has read a shared row is per person: {@code notification_read} (by its link or by opening the
 * request) or {@code notice_read_mark}, one row a person written by "mark all read" (every shared row
 * up to that place in {@code (created_at, id)} order is read). A shared row leaves the bell after
 * {@link dev.tidesk.notice.Notices#SHARED_HORIZON}. Shared rows tell agents only: a colleague of
 * another role reads none. {@code notice_mail_kind} and {@code
 * notice_digest} hold the kinds each person wants by e-mail and when their last digest went;
 * {@code request_watcher}, {@code request_seen} and {@code request_presence} who watches, has seen
 * and is on which request.
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
