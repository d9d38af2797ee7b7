package com.mizani.command.support;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Hamcrest matchers for the failures {@code AggregateTestFixture#expectException(Matcher)} checks. */
public final class FailureMatchers {

    private FailureMatchers() {
    }

    /** A refusal: a {@link MizaniException} carrying {@code code}. */
    public static Matcher<MizaniException> refusal(ErrorCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(MizaniException refusal) {
                return refusal.code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a MizaniException with code ").appendValue(code);
            }

            @Override
            protected void describeMismatchSafely(MizaniException refusal, Description mismatch) {
                mismatch.appendText("its code was ").appendValue(refusal.code())
                        .appendText(" (").appendValue(refusal.getMessage()).appendText(")");
            }
        };
    }

    /** A failure whose innermost cause is of {@code type} with exactly {@code message}, however it was wrapped. */
    public static Matcher<Throwable> withRootCause(Class<? extends Throwable> type, String message) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable failure) {
                Throwable root = rootOf(failure);
                return type.isInstance(root) && message.equals(root.getMessage());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a failure whose root cause is a ").appendText(type.getName())
                        .appendText(" with message ").appendValue(message);
            }

            @Override
            protected void describeMismatchSafely(Throwable failure, Description mismatch) {
                mismatch.appendText("its root cause was ").appendValue(rootOf(failure));
            }
        };
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
