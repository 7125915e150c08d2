package dev.tandem;

public final class Tandem {
    public static void main(String[] args) {
    }
}
