package playground.views;

import playground.lessons.Course;

/**
 * What every page is drawn from: the course as loaded now, and whether the page should reload itself when the
 * course changes (development mode: {@code PG_RELOAD=true} or {@code --dev}).
 */
public record Frame(Course course, boolean liveReload) {
    public Frame {
        if (course == null) {
            throw new IllegalArgumentException("course must not be null");
        }
    }
}
