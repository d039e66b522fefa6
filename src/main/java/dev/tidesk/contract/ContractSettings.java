package dev.tidesk.contract;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds of the contract rules ({@code tidesk.contract.*}).
 *
 * @param overrunPercent  a month is over when used exceeds this percentage of included (R9, default 120)
 * @param overrunWindow   how many of the latest closed months are looked at (default 3)
 * @param overrunMonths   how many of them must be over to raise the alert (default 2)
 * @param trialMonths     months on Economy before the trial review is due (R11, default 3)
 * @param deferralLinkDays how long a deferral link in an e-mail stays valid (default 7)
 */
@ConfigurationProperties("tidesk.contract")
public record ContractSettings(
        Integer overrunPercent,
        Integer overrunWindow,
        Integer overrunMonths,
        Integer trialMonths,
        Integer deferralLinkDays) {

    public ContractSettings {
        overrunPercent = overrunPercent == null ? 120 : overrunPercent;
        overrunWindow = overrunWindow == null ? 3 : overrunWindow;
        overrunMonths = overrunMonths == null ? 2 : overrunMonths;
        trialMonths = trialMonths == null ? 3 : trialMonths;
        deferralLinkDays = deferralLinkDays == null ? 7 : deferralLinkDays;
    }

    static ContractSettings defaults() {
        return new ContractSettings(null, null, null, null, null);
    }
}
