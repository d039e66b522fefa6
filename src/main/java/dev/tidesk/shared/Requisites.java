package dev.tidesk.shared;

/**
 * The requisites (реквизиты) a Russian document names a party by: its legal name, ИНН, КПП, ОГРН,
 * address, bank account (р/с) with the bank, its БИК and correspondent account (к/с), and who signs
 * for it. The agency's are the admin's settings; a client organization's are kept on its page. Any
 * field may be null: a document shows what is known and leaves a line for the rest.
 */
public record Requisites(
        String legalName,
        String inn,
        String kpp,
        String ogrn,
        String address,
        String bankAccount,
        String bankName,
        String bik,
        String correspondentAccount,
        String signatoryName,
        String signatoryPosition) {

    public static Requisites none() {
        return new Requisites(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Whether nothing at all is filled in. */
    public boolean isEmpty() {
        return java.util.stream.Stream.of(
                        legalName,
                        inn,
                        kpp,
                        ogrn,
                        address,
                        bankAccount,
                        bankName,
                        bik,
                        correspondentAccount,
                        signatoryName,
                        signatoryPosition)
                .allMatch(v -> v == null || v.isBlank());
    }

    /** Whether any bank detail is filled in. */
    public boolean hasBank() {
        return bankAccount != null || bankName != null || bik != null || correspondentAccount != null;
    }
}
