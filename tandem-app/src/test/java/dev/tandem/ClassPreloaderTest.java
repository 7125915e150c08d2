package dev.tandem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class ClassPreloaderTest {

    static final AtomicBoolean INITIALIZED = new AtomicBoolean();

    static final class WithStaticInitializer {
        static {
            INITIALIZED.set(true);
        }
    }

    @Test
    void loadsTheListedClassesWithoutRunningTheirStaticInitializersAndSkipsNamesThatAreGone() throws Exception {
        String name = WithStaticInitializer.class.getName(); // a class literal loads, it does not initialize
        ClassPreloader preloader = new ClassPreloader(getClass().getClassLoader(), List.of(name, "dev.tandem.NoSuchClass"));

        Thread thread = new Thread(preloader);
        thread.start();
        thread.join(10_000);

        assertThat(preloader.loaded()).isEqualTo(1);
        assertThat(preloader.missing()).isEqualTo(1);
        assertThat(INITIALIZED).as("static initializer must not have run").isFalse();
        Class.forName(name, true, getClass().getClassLoader());
        assertThat(INITIALIZED).as("it runs when the program itself initializes the class").isTrue();
    }

    @Test
    void readsNamesInOrderIgnoringCommentsAndBlankLines(@TempDir Path dir) throws IOException {
        Path list = dir.resolve(ClassPreloader.LIST);
        Files.createDirectories(list.getParent());
        Files.writeString(list, "# header\njava.lang.String\n\n  java.util.List  \n# more\njava.util.Map\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThat(ClassPreloader.read(loader)).containsExactly("java.lang.String", "java.util.List", "java.util.Map");
        }
    }

    @Test
    void withoutAListThereIsNothingToLoad(@TempDir Path dir) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThat(ClassPreloader.read(loader)).isEmpty();
        }
    }

    @Test
    void canBeSwitchedOff() {
        String before = System.getProperty("tandem.preload-classes");
        System.setProperty("tandem.preload-classes", "false");
        try {
            assertThat(ClassPreloader.start()).isNull();
        } finally {
            if (before == null) {
                System.clearProperty("tandem.preload-classes");
            } else {
                System.setProperty("tandem.preload-classes", before);
            }
        }
    }

    /** A list left behind by a dependency upgrade still works, but preloads less: regenerate it then. */
    @Test
    void theShippedListNamesClassesThatExist() {
        ClassLoader loader = getClass().getClassLoader();
        List<String> names = ClassPreloader.read(loader);
        assertThat(names).hasSizeGreaterThan(5_000).contains("dev.tandem.Tandem", "org.springframework.boot.SpringApplication");
        long present = names.stream().filter(n -> loader.getResource(n.replace('.', '/') + ".class") != null).count();
        assertThat(present).as("classes of the list on the class path; run bench/scripts/startup-classes.sh if this fails")
                .isGreaterThanOrEqualTo(names.size() * 95L / 100);
    }
}
