package dev.tidesk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.MailTest;
import dev.tidesk.TestData;
import dev.tidesk.contract.ledger.MonthlyClose;
import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.Customers;
import dev.tidesk.mail.outbound.OutboxSender;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.worklog.WorkLog;
import jakarta.mail.internet.MimeMessage;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The monthly close mails the statement to the contacts who opted in, once, through a real SMTP
 * server: closing the month twice sends nothing more, and contacts who did not ask get nothing.
 */
class StatementMailTests extends MailTest {

    @Autowired
    MonthlyClose monthlyClose;

    @Autowired
    OutboxSender sender;

    @Autowired
    Customers customers;

    @Autowired
    WorkLog workLog;

    @Test
    void closingAMonthTwiceMailsTheStatementOncePerOptedInContactInTheirLanguage() throws Exception {
        ContractFixtures fixtures = new ContractFixtures(context);
        TestData.Client client = data.client("ru");
        long org = client.organization().id();
        int n = (int) (org % 100000);
        ContactView english =
                customers.createContact(org, "John Director " + n, "john" + n + "@stmt.example", null, "en");
        ContactView silent =
                customers.createContact(org, "Пётр Молчалив " + n, "petr" + n + "@stmt.example", null, "ru");
        customers.changeMonthlyStatement(client.contact().id(), true);
        customers.changeMonthlyStatement(english.id(), true);

        StaffView agent = data.agent();
        TicketView t = fixtures.request(data, client, "Обновить прайс-лист", 2);
        fixtures.sign(client, PlanCode.ECONOMY, 2);
        fixtures.log(t, agent, 1, 3);
        YearMonth last = YearMonth.from(workLog.today()).minusMonths(1);

        monthlyClose.close(last);
        monthlyClose.close(last);
        data.settle();
        sender.sendDue(1000);
        sender.sendDue(1000);

        MimeMessage[] received = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> !subject(m).contains(t.tid()))
                .toArray(MimeMessage[]::new); // the statements, not the request's own acknowledgement
        List<MimeMessage> ru = sentTo(received, client.contact().email());
        List<MimeMessage> en = sentTo(received, english.email());
        assertThat(ru).hasSize(1);
        assertThat(en).hasSize(1);
        assertThat(sentTo(received, silent.email())).isEmpty();

        String ruMonth = last.atDay(1)
                .format(java.time.format.DateTimeFormatter.ofPattern(
                        "LLLL yyyy", java.util.Locale.forLanguageTag("ru")));
        assertThat(ru.get(0).getSubject())
                .isEqualTo("Отчёт о нормочасах за " + ruMonth + ": "
                        + client.organization().name());
        String ruBody = plainText(ru.get(0));
        assertThat(ruBody).contains(t.tid()).contains("/portal/contract/statements/" + last);

        String enMonth = last.atDay(1)
                .format(java.time.format.DateTimeFormatter.ofPattern("LLLL yyyy", java.util.Locale.ENGLISH));
        assertThat(en.get(0).getSubject())
                .isEqualTo("Norm-hour statement for " + enMonth + ": "
                        + client.organization().name());
        assertThat(en.get(0).getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
    }

    /** The text/plain part, decoded. */
    static String plainText(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multi) {
            for (int i = 0; i < multi.getCount(); i++) {
                String text = plainText(multi.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
