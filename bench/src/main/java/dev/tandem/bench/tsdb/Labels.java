package dev.tandem.bench.tsdb;

import java.util.ArrayList;
import java.util.List;

/** The labels of a series, sorted by name; ordered as Prometheus orders series in a block. */
public record Labels(List<Label> list) implements Comparable<Labels> {

    public Labels {
        list = List.copyOf(list);
        for (int i = 1; i < list.size(); i++) {
            if (Label.compare(list.get(i - 1).name(), list.get(i).name()) >= 0) {
                throw new IllegalArgumentException("label names must be unique and sorted: " + list);
            }
        }
    }

    /** From name, value, name, value, …, in any order of names. */
    public static Labels of(String... nameValues) {
        if (nameValues.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name-value pairs");
        }
        List<Label> list = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            list.add(new Label(nameValues[i], nameValues[i + 1]));
        }
        list.sort((a, b) -> Label.compare(a.name(), b.name()));
        return new Labels(list);
    }

    @Override
    public int compareTo(Labels o) {
        for (int i = 0; i < Math.min(list.size(), o.list.size()); i++) {
            int c = Label.compare(list.get(i).name(), o.list.get(i).name());
            if (c == 0) {
                c = Label.compare(list.get(i).value(), o.list.get(i).value());
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(list.size(), o.list.size());
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("{");
        for (Label l : list) {
            s.append(s.length() > 1 ? ", " : "").append(l.name()).append("=\"").append(l.value()).append('"');
        }
        return s.append('}').toString();
    }
}
