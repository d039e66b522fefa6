package dev.tidesk.canned;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplyVariablesTests {

    @Test
    void fillsKnownVariablesAndLeavesUnknownOnesForTheAgentToSee() {
        String body = "{{client_first_name}}, добрый день! По {{ tid }} осталось {{hours_left}}. {{unknown}}";
        assertThat(ReplyVariables.fill(
                        body, Map.of("client_first_name", "Иван Петрович", "tid", "TID-7", "hours_left", "3 ч")))
                .isEqualTo("Иван Петрович, добрый день! По TID-7 осталось 3 ч. {{unknown}}");
    }

    @Test
    void aKnownVariableWithoutAValueIsLeftOut() {
        assertThat(ReplyVariables.fill("План: {{plan}}.", Map.of())).isEqualTo("План: .");
    }

    @Test
    void valuesAreNotReadAsPatterns() {
        assertThat(ReplyVariables.fill("{{client_name}}", Map.of("client_name", "$1 \\ {{tid}}")))
                .isEqualTo("$1 \\ {{tid}}");
    }

    @Test
    void aRussianClientIsAddressedByFirstNameAndPatronymic() {
        assertThat(ReplyVariables.firstName("Смирнова Ольга Викторовна")).isEqualTo("Ольга Викторовна");
        assertThat(ReplyVariables.firstName("Ольга Викторовна Смирнова")).isEqualTo("Ольга Викторовна");
        assertThat(ReplyVariables.firstName("Иванов Пётр Ильич")).isEqualTo("Пётр Ильич");
        assertThat(ReplyVariables.firstName("Анна Клиентова")).isEqualTo("Анна");
        assertThat(ReplyVariables.firstName("Анна Клиентова 26101")).isEqualTo("Анна");
        assertThat(ReplyVariables.firstName("  Пётр ")).isEqualTo("Пётр");
        assertThat(ReplyVariables.firstName(null)).isEmpty();
    }
}
