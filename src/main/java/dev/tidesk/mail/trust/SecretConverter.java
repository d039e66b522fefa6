package dev.tidesk.mail.trust;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Keeps a column encrypted at rest through {@link SecretBox} (Hibernate creates it through Spring, which injects the box). */
@Converter
public class SecretConverter implements AttributeConverter<String, String> {

    private final SecretBox box;

    SecretConverter(SecretBox box) {
        this.box = box;
    }

    @Override
    public String convertToDatabaseColumn(String plain) {
        return plain == null || plain.isEmpty() ? plain : box.encrypt(plain);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return box.decrypt(stored);
    }
}
