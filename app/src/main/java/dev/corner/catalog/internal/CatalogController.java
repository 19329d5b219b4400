package dev.corner.catalog.internal;

import dev.corner.catalog.Catalog;
import dev.corner.catalog.Product;
import dev.corner.catalog.ProductId;
import dev.corner.common.Caller;
import dev.corner.common.Money;
import dev.corner.common.web.Problems;
import dev.corner.stores.StoreId;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class CatalogController {

    private final Catalog catalog;

    CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    record AddProduct(String gtin, String name, String brand, String unit) {}

    record Added(String productId) {}

    record ProductView(String productId, String gtin, String name, String brand, String unit) {
        static ProductView of(Product p) {
            return new ProductView(p.id().value(), p.gtin().value(), p.name(), p.brand(), p.unit());
        }
    }

    record ProductList(List<ProductView> products) {}

    record SetOffer(Money price) {}

    record OfferView(String storeId, String productId, Money price) {}

    @PostMapping("/products")
    @ResponseStatus(HttpStatus.CREATED)
    Added add(Caller caller, @RequestBody AddProduct request) {
        var id = catalog.addProduct(caller, request.gtin(), request.name(), request.brand(), request.unit());
        return new Added(id.value());
    }

    /** By exact GTIN ({@code gtin}), or a search by name, brand or the start of a GTIN ({@code q}). */
    @GetMapping("/products")
    ProductList find(
            @RequestParam(required = false) String gtin,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "20") int limit) {
        if (gtin != null) {
            return new ProductList(
                    catalog.productByGtin(gtin).map(ProductView::of).stream().toList());
        }
        if (q == null || q.isBlank()) {
            throw dev.corner.common.CornerException.invalid("INVALID_QUERY", "give gtin or q");
        }
        return new ProductList(
                catalog.search(q, limit).stream().map(ProductView::of).toList());
    }

    @GetMapping("/products/{productId}")
    ProductView one(@PathVariable String productId) {
        return ProductView.of(catalog.requireProduct(new ProductId(productId)));
    }

    @PutMapping("/stores/{storeId}/offers/{productId}")
    OfferView offer(
            Caller caller,
            @PathVariable String storeId,
            @PathVariable String productId,
            @RequestBody SetOffer request) {
        catalog.setOffer(caller, new StoreId(storeId), new ProductId(productId), request.price());
        return new OfferView(storeId, productId, request.price());
    }

    /** The contract: a GTIN that exists answers 409 with the existing productId. */
    @ExceptionHandler(Catalog.ProductExists.class)
    ResponseEntity<ProblemDetail> exists(Catalog.ProductExists e) {
        var problem = Problems.of(HttpStatus.CONFLICT, e.code(), e.getMessage());
        problem.setProperty("productId", e.existing().value());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
