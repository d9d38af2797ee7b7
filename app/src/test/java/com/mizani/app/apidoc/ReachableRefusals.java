package com.mizani.app.apidoc;

import com.mizani.command.support.CommandSender;
import com.mizani.command.transfer.TransferGroupCommit;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.payment.ProviderResults;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.TryCatchBlock;
import org.axonframework.commandhandling.CommandHandler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The error codes an API handler can answer with, found by following its code: every code it or what it calls
 * names, through our own classes, into the command handlers of the commands it builds (they run synchronously,
 * inside the request). It over-approximates (a code named on a path the data never takes still counts), and it
 * leaves out what is caught as a {@link MizaniException} on the way, and the web layer, whose codes every
 * operation shares ({@link CommonRefusals}).
 */
final class ReachableRefusals {

    private static final String WEB_LAYER = "com.mizani.app.web";
    private static final String SECURITY_LAYER = "com.mizani.app.security";
    private static final String RATE_LIMITS = "com.mizani.app.ratelimit";

    private final Map<String, List<JavaCodeUnit>> commandHandlers = new HashMap<>();

    ReachableRefusals(JavaClasses classes) {
        for (JavaClass type : classes) {
            for (JavaCodeUnit unit : type.getCodeUnits()) {
                if (unit.isAnnotatedWith(CommandHandler.class) && !unit.getRawParameterTypes().isEmpty()) {
                    commandHandlers.computeIfAbsent(unit.getRawParameterTypes().getFirst().getName(),
                            name -> new ArrayList<>()).add(unit);
                }
            }
        }
    }

    /** The codes reachable from {@code handler}, not entering code units that {@code cut} names. */
    Set<ErrorCode> from(JavaCodeUnit handler, Predicate<JavaCodeUnit> cut) {
        Set<ErrorCode> codes = EnumSet.noneOf(ErrorCode.class);
        Set<JavaCodeUnit> seen = new HashSet<>();
        Deque<JavaCodeUnit> work = new ArrayDeque<>(List.of(handler));
        while (!work.isEmpty()) {
            JavaCodeUnit unit = work.poll();
            if (!seen.add(unit) || sharedByEveryOperation(unit.getOwner()) || cut.test(unit)) {
                continue;
            }
            Set<JavaAccess<?>> caught = caughtAsRefusals(unit);
            for (JavaFieldAccess access : unit.getFieldAccesses()) {
                if (access.getTarget().getOwner().isEquivalentTo(ErrorCode.class) && !caught.contains(access)) {
                    codes.add(ErrorCode.valueOf(access.getTarget().getName()));
                }
            }
            for (JavaAccess<?> access : unit.getAccessesFromSelf()) {
                if (!caught.contains(access) && access.getTarget() instanceof CodeUnitAccessTarget target
                        && target.getOwner().getPackageName().startsWith("com.mizani")) {
                    follow(target, work, codes);
                }
            }
        }
        return codes;
    }

    private void follow(CodeUnitAccessTarget target, Deque<JavaCodeUnit> work, Set<ErrorCode> codes) {
        JavaClass owner = target.getOwner();
        target.resolveMember().ifPresent(work::add);
        // An interface or a sealed state's method runs in whichever implementation the object is.
        for (JavaClass implementation : owner.getAllSubclasses()) {
            for (JavaMethod method : implementation.getMethods()) {
                if (method.getName().equals(target.getName())
                        && method.getRawParameterTypes().equals(target.getRawParameterTypes())) {
                    work.add(method);
                }
            }
        }
        if (target instanceof AccessTarget.ConstructorCallTarget) {
            work.addAll(commandHandlers.getOrDefault(owner.getName(), List.of()));
        }
        if (owner.isEquivalentTo(CommandSender.class) && target.getName().startsWith("send")
                || owner.isEquivalentTo(TransferGroupCommit.class) || owner.isEquivalentTo(ProviderResults.class)) {
            // A command that keeps losing its race past CommandSender's retries (ProblemHandler answers it). A
            // transfer or a provider result handed to a group commit is sent through CommandSender on a lane.
            codes.add(ErrorCode.CONCURRENT_MODIFICATION);
        }
    }

    /** The accesses inside a try block that catches MizaniException: a refusal from there is handled, not answered. */
    private static Set<JavaAccess<?>> caughtAsRefusals(JavaCodeUnit unit) {
        Set<JavaAccess<?>> caught = new HashSet<>();
        for (TryCatchBlock block : unit.getTryCatchBlocks()) {
            if (block.getCaughtThrowables().stream().anyMatch(type -> type.isEquivalentTo(MizaniException.class))) {
                caught.addAll(block.getAccessesContainedInTryBlock());
            }
        }
        return caught;
    }

    private static boolean sharedByEveryOperation(JavaClass owner) {
        String name = owner.getPackageName();
        return name.startsWith(WEB_LAYER) || name.startsWith(SECURITY_LAYER) || name.startsWith(RATE_LIMITS);
    }
}
