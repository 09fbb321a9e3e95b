package nl.spiegel.shared.database;

import java.util.Arrays;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when {@code spring.datasource.url} is not set. Refuses the fallback in the {@code prod} profile. */
class NoExternalDatabaseCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("spring.datasource.url");
        if (url != null && !url.isBlank()) {
            return false;
        }
        if (Arrays.asList(context.getEnvironment().getActiveProfiles()).contains("prod")) {
            throw new IllegalStateException("The prod profile needs an external database: set SPRING_DATASOURCE_URL, "
                    + "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD. The embedded server is for "
                    + "development only.");
        }
        return true;
    }
}
