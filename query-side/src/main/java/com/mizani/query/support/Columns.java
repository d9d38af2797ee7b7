package com.mizani.query.support;

/** What the views' text columns take. */
public final class Columns {

    private Columns() {
    }

    /** Free text cut to the width of its column; null stays null. */
    public static String fitted(String text, int width) {
        return text == null || text.length() <= width ? text : text.substring(0, width);
    }
}
