package dev.tidesk.generator;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * When each request was created: the period's days weighted by season (a summer dip, the New Year
 * holidays, a busy autumn), by weekday (little at weekends) and by the agency's growth, then
 * office hours within the day. Times are in order, so TID numbers grow with time.
 */
final class RequestPlan {

    private final LocalDate start;
    private final Instant reference;
    private final long[] seconds;

    RequestPlan(GeneratorOptions options, ZoneId zone, SplittableRandom random) {
        this.start = options.until().minusYears(options.years());
        this.reference = options.until().atStartOfDay(zone).toInstant();
        int days = (int) ChronoUnit.DAYS.between(start, options.until());
        double[] cumulative = new double[days];
        double sum = 0;
        for (int d = 0; d < days; d++) {
            sum += weight(start.plusDays(d), d / (double) days);
            cumulative[d] = sum;
        }
        int n = options.requests();
        seconds = new long[n];
        int i = 0;
        long before = 0;
        for (int d = 0; d < days; d++) {
            long upTo = Math.round(cumulative[d] / sum * n);
            int count = (int) (upTo - before);
            before = upTo;
            long dayStart = start.plusDays(d).atStartOfDay(zone).toEpochSecond();
            long[] times = new long[count];
            for (int k = 0; k < count; k++) {
                long second =
                        random.nextDouble() < 0.85 ? 9 * 3600 + random.nextLong(10 * 3600) : random.nextLong(24 * 3600);
                times[k] = dayStart + second;
            }
            Arrays.sort(times);
            System.arraycopy(times, 0, seconds, i, count);
            i += count;
        }
    }

    /** A day's share of the load. */
    static double weight(LocalDate day, double progress) {
        double season = 1.0;
        int month = day.getMonthValue();
        if (month == 7 || month == 8) {
            season = 0.75;
        } else if (month == 1 && day.getDayOfMonth() <= 8) {
            season = 0.3;
        } else if (month >= 10 && month <= 12) {
            season = 1.15;
        } else if (month == 3 || month == 4) {
            season = 1.1;
        }
        double weekday =
                day.getDayOfWeek() == DayOfWeek.SATURDAY ? 0.25 : day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0.15 : 1.0;
        double growth = 0.7 + 0.6 * progress;
        return season * weekday * growth;
    }

    LocalDate start() {
        return start;
    }

    /** Everything happened before this instant: midnight at the start of {@code until}. */
    Instant reference() {
        return reference;
    }

    Instant createdAt(int i) {
        return Instant.ofEpochSecond(seconds[i]);
    }
}
