package dev.tandem.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application on a random port, on H2 or PostgreSQL (see {@link TestDatabase}). Classes that
 * share this annotation share one context, so tests use names of their own and never count on an
 * empty catalog.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tandem.readiness.collect-delay=PT24H", "tandem.engagements.evaluate-delay=PT24H",
                "tandem.readiness.manifests-root=src/test/resources/readiness/manifests",
                "tandem.readiness.repositories-root=src/test/resources/readiness/repositories"})
@ContextConfiguration(initializers = TestDatabase.class)
@Import(TestDatabase.CleanMigrate.class)
public @interface IntegrationTest {
}
