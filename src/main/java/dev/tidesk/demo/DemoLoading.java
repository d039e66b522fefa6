package dev.tidesk.demo;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether the demo is still being loaded. It is from the start when Tidesk runs with {@code --demo}
 * (the web server starts before the loader), until the loader has loaded it or found that it was
 * loaded before; meanwhile every page answers "loading" ({@link DemoLoadingFilter}).
 */
@Component
class DemoLoading {

    private volatile boolean loading;

    DemoLoading(Environment environment) {
        this.loading = requested(environment);
    }

    /** {@code --demo} becomes the property {@code demo} (with an empty value); {@code --demo=false} is off. */
    static boolean requested(Environment environment) {
        if (environment.getProperty("tidesk.demo", Boolean.class, false)) {
            return true;
        }
        if (environment.containsProperty("demo")) {
            String value = environment.getProperty("demo", "");
            return !"false".equalsIgnoreCase(value.trim());
        }
        return false;
    }

    boolean loading() {
        return loading;
    }

    void started() {
        loading = true;
    }

    void finished() {
        loading = false;
    }
}
