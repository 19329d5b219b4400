package dev.corner.inventory.internal;

import dev.corner.catalog.ProductId;
import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.inventory.ReorderPolicy;
import dev.corner.inventory.Replenishment;
import dev.corner.stores.StoreId;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/stores/{storeId}/stock")
class ReplenishmentController {

    private final Replenishment replenishment;

    ReplenishmentController(Replenishment replenishment) {
        this.replenishment = replenishment;
    }

    record PolicyJson(Integer leadTimeDays, Long safetyStock, Integer coverDays) {}

    record LowJson(
            String productId,
            long onHand,
            long reserved,
            long available,
            double averageDailySales,
            long reorderPoint,
            long suggestedOrder,
            PolicyJson policy) {}

    record LowList(String storeId, List<LowJson> products) {}

    @PutMapping("/{productId}/reorder-policy")
    PolicyJson setPolicy(
            Caller caller,
            @PathVariable String storeId,
            @PathVariable String productId,
            @RequestBody PolicyJson request) {
        if (request.leadTimeDays() == null || request.safetyStock() == null) {
            throw CornerException.invalid("INVALID_POLICY", "leadTimeDays and safetyStock are required");
        }
        var policy = new ReorderPolicy(
                request.leadTimeDays(),
                request.safetyStock(),
                request.coverDays() == null ? ReorderPolicy.DEFAULT.coverDays() : request.coverDays());
        replenishment.setPolicy(caller, new StoreId(storeId), new ProductId(productId), policy);
        return new PolicyJson(policy.leadTimeDays(), policy.safetyStock(), policy.coverDays());
    }

    @GetMapping("/low")
    LowList low(Caller caller, @PathVariable String storeId) {
        return new LowList(
                storeId,
                replenishment.lowStock(caller, new StoreId(storeId)).stream()
                        .map(low -> new LowJson(
                                low.productId().value(),
                                low.level().onHand(),
                                low.level().reserved(),
                                low.level().available(),
                                Math.round(low.averageDailySales() * 100) / 100.0,
                                low.reorderPoint(),
                                low.suggestedOrder(),
                                new PolicyJson(
                                        low.policy().leadTimeDays(),
                                        low.policy().safetyStock(),
                                        low.policy().coverDays())))
                        .toList());
    }
}
