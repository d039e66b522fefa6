package dev.tidesk.workspace;

import dev.tidesk.shared.Requisites;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Requisites as typed: the agency's on its settings page, a client's on its page. Numbers may be
 * typed with spaces (as they are printed on bank forms); each must have its number of digits: ИНН 10
 * (a company) or 12 (an entrepreneur), КПП 9, ОГРН 13 (ОГРНИП 15), БИК 9, р/с and к/с 20.
 */
record RequisitesForm(
        @Size(max = 300) String legalName,

        @Pattern(regexp = "\\s*((\\d\\s*){10}|(\\d\\s*){12})?")
        String inn,

        @Pattern(regexp = "\\s*((\\d\\s*){9})?") String kpp,

        @Pattern(regexp = "\\s*((\\d\\s*){13}|(\\d\\s*){15})?")
        String ogrn,

        @Size(max = 500) String address,
        @Pattern(regexp = "\\s*((\\d\\s*){20})?") String bankAccount,
        @Size(max = 300) String bankName,
        @Pattern(regexp = "\\s*((\\d\\s*){9})?") String bik,
        @Pattern(regexp = "\\s*((\\d\\s*){20})?") String correspondentAccount,
        @Size(max = 200) String signatoryName,
        @Size(max = 200) String signatoryPosition) {

    Requisites requisites() {
        return new Requisites(
                text(legalName),
                digits(inn),
                digits(kpp),
                digits(ogrn),
                text(address),
                digits(bankAccount),
                text(bankName),
                digits(bik),
                digits(correspondentAccount),
                text(signatoryName),
                text(signatoryPosition));
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip().replaceAll("\\s+", " ");
    }

    private static String digits(String s) {
        return s == null || s.isBlank() ? null : s.replaceAll("\\s", "");
    }
}
