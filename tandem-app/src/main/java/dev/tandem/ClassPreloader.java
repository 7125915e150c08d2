package dev.tandem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads, on a second core, the classes the server is about to need, while the main thread builds the
 * Spring context. Finding and defining the ~8,600 classes that come out of the jars nested in
 * {@code tandem.jar} is the largest single item of a start, and otherwise the main thread does all of it;
 * with this thread the main thread needs about a third less CPU time (docs/performance.md).
 *
 * <p>Classes are only loaded, never initialized ({@code Class.forName(name, false, loader)}): no static
 * initializer runs here, so the program does exactly what it would do without this thread, in the same
 * order; a class the main thread asks for is simply already defined. The list is
 * {@value #LIST}, written by {@code bench/scripts/startup-classes.sh} from a real start; a name that no
 * longer exists is skipped. {@code -Dtandem.preload-classes=false} switches it off; {@link ServerJvm} does so
 * when the server's classes come from a class-data-sharing archive, where preloading no longer pays.
 */
final class ClassPreloader implements Runnable {

    static final String LIST = "META-INF/tandem/startup-classes.txt";
    static final String SWITCH = "tandem.preload-classes";

    private final ClassLoader loader;
    private final List<String> names;
    private volatile int loaded;
    private volatile int missing;

    ClassPreloader(ClassLoader loader, List<String> names) {
        this.loader = loader;
        this.names = List.copyOf(names);
    }

    /** Starts the preloading thread if the list is on the class path; returns it, or null. */
    static Thread start() {
        if ("false".equalsIgnoreCase(System.getProperty(SWITCH))) {
            return null;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ClassPreloader.class.getClassLoader();
        }
        List<String> names = read(loader);
        if (names.isEmpty()) {
            return null;
        }
        Thread thread = new Thread(new ClassPreloader(loader, names), "tandem-class-preload");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static List<String> read(ClassLoader loader) {
        List<String> names = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(LIST)) {
            if (in == null) {
                return names;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            // Only an optimisation: without the list the server starts as before.
        }
        return names;
    }

    @Override
    public void run() {
        int ok = 0;
        int absent = 0;
        for (String name : names) {
            try {
                Class.forName(name, false, loader);
                ok++;
            } catch (ClassNotFoundException | LinkageError e) {
                // Gone since the list was written, or not loadable here: the main thread will meet the same
                // answer, if it asks at all.
                absent++;
            }
        }
        loaded = ok;
        missing = absent;
    }

    int loaded() {
        return loaded;
    }

    int missing() {
        return missing;
    }
}
