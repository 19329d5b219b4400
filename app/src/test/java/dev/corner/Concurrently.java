package dev.corner;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs tasks on their own threads, released at the same instant, and collects their results. */
public final class Concurrently {

    private Concurrently() {}

    public static <T> List<T> run(List<Callable<T>> tasks) throws InterruptedException {
        var pool = Executors.newFixedThreadPool(tasks.size());
        var start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = tasks.stream()
                    .map(task -> pool.submit(() -> {
                        start.await();
                        return task.call();
                    }))
                    .toList();
            start.countDown();
            return futures.stream()
                    .map(future -> {
                        try {
                            return future.get(60, TimeUnit.SECONDS);
                        } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
        } finally {
            pool.shutdownNow();
        }
    }
}
