package dev.tandem;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * Spring Boot's {@code extract} (its tools jar mode, default layout), done in the launching JVM instead of a
 * JVM of its own, which took about 0.8 s of every first start of a new jar (docs/performance.md). It writes
 * what that tool writes: the nested jars into {@code lib/}, and an application jar holding the application's
 * classes at its root and the jar's {@code META-INF} entries, whose manifest names the start class as its
 * {@code Main-Class} and the nested jars, in the order of the jar's class-path index, as its
 * {@code Class-Path}. Spring Boot's own loader and its file-system provider are left out, as the tool
 * leaves them out. {@code ServerJvmIT} compares the result with the tool's, file by file.
 *
 * <p>The application jar's entries are stored, not compressed: they are copied as they are, and classes
 * load without inflating.
 */
final class BootJarExtraction {

    private static final String MANIFEST = "META-INF/MANIFEST.MF";
    private static final String LOADER_FILE_SYSTEM = "META-INF/services/java.nio.file.spi.FileSystemProvider";
    private static final List<String> BOOT_ONLY = List.of("Start-Class", "Spring-Boot-Classes", "Spring-Boot-Lib",
            "Spring-Boot-Classpath-Index", "Spring-Boot-Layers-Index");

    private BootJarExtraction() {
    }

    static void extract(Path jar, Path destination, String applicationFileName) throws IOException {
        try (JarFile boot = new JarFile(jar.toFile(), false)) {
            Manifest manifest = boot.getManifest();
            Attributes main = manifest == null ? null : manifest.getMainAttributes();
            String startClass = main == null ? null : main.getValue("Start-Class");
            if (startClass == null) {
                throw new IOException(jar + " is not an executable Spring Boot jar (no Start-Class)");
            }
            String classes = main.getValue("Spring-Boot-Classes") == null ? "BOOT-INF/classes/" : main.getValue("Spring-Boot-Classes");
            String lib = main.getValue("Spring-Boot-Lib") == null ? "BOOT-INF/lib/" : main.getValue("Spring-Boot-Lib");

            List<String> libraries = classPath(boot, main.getValue("Spring-Boot-Classpath-Index"), lib);
            Path libDirectory = Files.createDirectories(destination.resolve("lib"));
            for (String library : libraries) {
                try (InputStream in = boot.getInputStream(boot.getEntry(library))) {
                    Files.copy(in, libDirectory.resolve(library.substring(lib.length())));
                }
            }

            Manifest application = new Manifest(manifest);
            Attributes attributes = application.getMainAttributes();
            BOOT_ONLY.forEach(name -> attributes.remove(new Attributes.Name(name)));
            attributes.put(Attributes.Name.MAIN_CLASS, startClass);
            attributes.put(Attributes.Name.CLASS_PATH, String.join(" ",
                    libraries.stream().map(l -> "lib/" + l.substring(lib.length())).toList()));
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(destination.resolve(applicationFileName)), 1 << 16);
                 JarOutputStream out = new JarOutputStream(file, application)) {
                byte[] buffer = new byte[1 << 16];
                for (Enumeration<JarEntry> entries = boot.entries(); entries.hasMoreElements(); ) {
                    JarEntry entry = entries.nextElement();
                    String name = entry.getName();
                    String target;
                    if (name.startsWith(classes) && name.length() > classes.length()) {
                        target = name.substring(classes.length());
                    } else if (name.startsWith("META-INF/") && !name.equals("META-INF/") && !name.equals(MANIFEST)
                            && !name.equals(LOADER_FILE_SYSTEM)) {
                        target = name;
                    } else {
                        continue;
                    }
                    copy(boot, entry, target, out, buffer);
                }
            }
        }
    }

    /** The nested jars in the order of the class-path index, or in the jar's order without one. */
    private static List<String> classPath(JarFile boot, String indexName, String lib) throws IOException {
        List<String> libraries = new ArrayList<>();
        ZipEntry index = indexName == null ? null : boot.getEntry(indexName);
        if (index != null) {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(boot.getInputStream(index), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    // - "BOOT-INF/lib/picocli-4.7.7.jar"
                    int open = line.indexOf('"');
                    int close = line.lastIndexOf('"');
                    if (open >= 0 && close > open) {
                        libraries.add(line.substring(open + 1, close));
                    }
                }
            }
        } else {
            for (Enumeration<JarEntry> entries = boot.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (name.startsWith(lib) && name.endsWith(".jar")) {
                    libraries.add(name);
                }
            }
        }
        for (String library : libraries) {
            if (!library.startsWith(lib) || library.indexOf('/', lib.length()) >= 0 || !library.endsWith(".jar")
                    || boot.getEntry(library) == null) {
                throw new IOException(library + " in the class-path index of " + boot.getName() + " is not a jar in " + lib);
            }
        }
        return libraries;
    }

    private static void copy(JarFile boot, JarEntry from, String name, JarOutputStream out, byte[] buffer) throws IOException {
        JarEntry to = new JarEntry(name);
        to.setTime(from.getTime());
        to.setMethod(ZipEntry.STORED);
        if (from.isDirectory()) {
            to.setSize(0);
            to.setCompressedSize(0);
            to.setCrc(0);
            out.putNextEntry(to);
        } else {
            to.setSize(from.getSize());
            to.setCompressedSize(from.getSize());
            to.setCrc(from.getCrc());
            out.putNextEntry(to);
            try (InputStream in = boot.getInputStream(from)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                }
            }
        }
        out.closeEntry();
    }
}
