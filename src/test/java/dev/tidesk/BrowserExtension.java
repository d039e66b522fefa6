package dev.tidesk;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Gives each test a fresh Chromium ({@link Browser#start()}) in every {@code ChromeDriver} field
 * of the test class, and quits it after the test, passed or not. Use with
 * {@code @ExtendWith(BrowserExtension.class)} and a plain {@code ChromeDriver browser;} field.
 */
public final class BrowserExtension implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Object test = context.getRequiredTestInstance();
        for (Field field : driverFields(test.getClass())) {
            field.set(test, Browser.start());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Object test = context.getRequiredTestInstance();
        for (Field field : driverFields(test.getClass())) {
            if (field.get(test) instanceof ChromeDriver driver) {
                field.set(test, null);
                driver.quit();
            }
        }
    }

    private static List<Field> driverFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getType() == ChromeDriver.class) {
                    field.setAccessible(true);
                    fields.add(field);
                }
            }
        }
        return fields;
    }
}
