// Generated from the OpenAPI document by `npm run client:types` (scripts/generate-client-types.ts): do not edit.
export type paths = {
    "/api/v1/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Look up an order (merchantId and orderNo) or a payment (channelTradeNo)
         * @description With merchantId and orderNo: `{ order, payments }`. With channelTradeNo alone: `{ payment }`. Another app’s payment is 404.
         */
        get: operations["lookUpPayments"];
        put?: never;
        /**
         * Initiate a payment
         * @description Creates an attempt and sends it to the channel. 201 for a new attempt; 200 when the same request comes again (same order, channel and method, still live): the existing attempt, nothing sent twice. The answer says only whether the request reached the channel, never the final result. A new attempt for the same order (another channel or method) is accepted 15 s after the previous one started; the previous live attempt is closed first.
         */
        post: operations["createPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{serialNo}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a payment attempt
         * @description Another app’s payment is 404, never 403.
         */
        get: operations["getPayment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{serialNo}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a pending attempt
         * @description Closes a PENDING attempt at the channel and locally. Idempotent.
         */
        post: operations["closePayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{serialNo}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund a succeeded attempt
         * @description 201 a new refund; 200 the same refund when refundNo repeats with the same amount. The refunds that are not FAILED plus this one never exceed the paid amount, under any concurrency.
         */
        post: operations["createRefund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/refunds/{refundSerialNo}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a refund */
        get: operations["getRefund"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{serialNo}/splits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Split a payment among receivers (v1.1)
         * @description 201 a new split; 200 the same split when splitNo repeats with the same content. Only for a SUCCEEDED attempt created with profitSharing, before splitting is finished. The splits that are not FAILED plus this one are at most floor(amount × maxSplitRatio) and amount − refundedAmount.
         */
        post: operations["createSplit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{serialNo}/splits/finish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Release the held rest to the merchant (v1.1)
         * @description Idempotent; answers the payment.
         */
        post: operations["finishSplits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/splits/{splitSerialNo}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a split (v1.1) */
        get: operations["getSplit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The app’s change feed
         * @description Events in commit order, each with a monotonically increasing cursor; poll with nextCursor as `after`.
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The app’s money movements of one merchant on one day (v1.1)
         * @description A day is an Asia/Shanghai calendar day; a payment counts on the day it succeeded, a refund on the day it succeeded. `totals` always cover the whole day. With `Accept: text/csv` the answer is the whole day’s items as CSV (UTF-8 with a BOM, a header row), streamed.
         */
        get: operations["getStatement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sandbox/payments/{serialNo}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sandbox: the simulated user pays
         * @description The simulator marks the trade paid and sends the center the channel’s signed notification. 404 for live payments and when sandbox mode is off.
         */
        post: operations["sandboxPay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sandbox/payments/{serialNo}/fail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sandbox: the simulated user’s payment fails
         * @description 404 for live payments and when sandbox mode is off.
         */
        post: operations["sandboxFail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This document
         * @description Public (no signature) and cacheable: it holds no secret and nothing about any app’s data.
         */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = {
    "payment.succeeded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * payment.succeeded event
         * @description Any 2xx within 10 s acknowledges. Anything else is retried: right away, then after 15s, 15s, 30s, 3m, 10m, 20m, 30m, 30m, 30m, 1h, 3h, 3h, 3h, 6h, 6h (16 attempts, about 24 h). Delivery is at least once: deduplicate on the event id.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id (evt_...); the same on every delivery of the event. */
                    "X-PayCenter-Event-Id": string;
                    /** @description Unix seconds of this delivery attempt. */
                    "X-PayCenter-Timestamp": string;
                    /** @description Lowercase hex HMAC-SHA256(appSecret, TIMESTAMP + "." + RAW_BODY). Verify it over the raw body before parsing, and refuse a timestamp far from now. */
                    "X-PayCenter-Signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "id": "evt_DocsExample000000000",
                     *       "type": "payment.succeeded",
                     *       "createdAt": "2026-11-24T08:16:02.000Z",
                     *       "livemode": false,
                     *       "data": {
                     *         "payment": {
                     *           "serialNo": "P20261124081530K3F9Q2ZT7MWD",
                     *           "orderNo": "ORDER-1001",
                     *           "merchantId": "mch_demo",
                     *           "paymentId": "pay_demo_alipay",
                     *           "channel": "ALIPAY",
                     *           "invokeMethod": "PC",
                     *           "amount": 1000,
                     *           "currency": "CNY",
                     *           "subject": "Property fee 2026-11",
                     *           "status": "SUCCEEDED",
                     *           "channelTradeNo": "2026112422001400001234567890",
                     *           "refundedAmount": 0,
                     *           "profitSharing": false,
                     *           "splitAmount": 0,
                     *           "paidAt": "2026-11-24T08:16:02.000Z",
                     *           "expiresAt": "2026-11-24T08:30:30.000Z",
                     *           "livemode": false,
                     *           "metadata": {
                     *             "room": "3-2-1201"
                     *           },
                     *           "createdAt": "2026-11-24T08:15:30.000Z",
                     *           "updatedAt": "2026-11-24T08:16:02.000Z"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Event"] & {
                        /** @constant */
                        type?: "payment.succeeded";
                        data?: components["schemas"]["PaymentEventData"];
                    };
                };
            };
            responses: {
                /** @description Acknowledged. */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payment.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * payment.failed event
         * @description Any 2xx within 10 s acknowledges. Anything else is retried: right away, then after 15s, 15s, 30s, 3m, 10m, 20m, 30m, 30m, 30m, 1h, 3h, 3h, 3h, 6h, 6h (16 attempts, about 24 h). Delivery is at least once: deduplicate on the event id.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id (evt_...); the same on every delivery of the event. */
                    "X-PayCenter-Event-Id": string;
                    /** @description Unix seconds of this delivery attempt. */
                    "X-PayCenter-Timestamp": string;
                    /** @description Lowercase hex HMAC-SHA256(appSecret, TIMESTAMP + "." + RAW_BODY). Verify it over the raw body before parsing, and refuse a timestamp far from now. */
                    "X-PayCenter-Signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Event"] & {
                        /** @constant */
                        type?: "payment.failed";
                        data?: components["schemas"]["PaymentEventData"];
                    };
                };
            };
            responses: {
                /** @description Acknowledged. */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payment.closed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * payment.closed event
         * @description Any 2xx within 10 s acknowledges. Anything else is retried: right away, then after 15s, 15s, 30s, 3m, 10m, 20m, 30m, 30m, 30m, 1h, 3h, 3h, 3h, 6h, 6h (16 attempts, about 24 h). Delivery is at least once: deduplicate on the event id.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id (evt_...); the same on every delivery of the event. */
                    "X-PayCenter-Event-Id": string;
                    /** @description Unix seconds of this delivery attempt. */
                    "X-PayCenter-Timestamp": string;
                    /** @description Lowercase hex HMAC-SHA256(appSecret, TIMESTAMP + "." + RAW_BODY). Verify it over the raw body before parsing, and refuse a timestamp far from now. */
                    "X-PayCenter-Signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Event"] & {
                        /** @constant */
                        type?: "payment.closed";
                        data?: components["schemas"]["PaymentEventData"];
                    };
                };
            };
            responses: {
                /** @description Acknowledged. */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "refund.succeeded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * refund.succeeded event
         * @description Any 2xx within 10 s acknowledges. Anything else is retried: right away, then after 15s, 15s, 30s, 3m, 10m, 20m, 30m, 30m, 30m, 1h, 3h, 3h, 3h, 6h, 6h (16 attempts, about 24 h). Delivery is at least once: deduplicate on the event id.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id (evt_...); the same on every delivery of the event. */
                    "X-PayCenter-Event-Id": string;
                    /** @description Unix seconds of this delivery attempt. */
                    "X-PayCenter-Timestamp": string;
                    /** @description Lowercase hex HMAC-SHA256(appSecret, TIMESTAMP + "." + RAW_BODY). Verify it over the raw body before parsing, and refuse a timestamp far from now. */
                    "X-PayCenter-Signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Event"] & {
                        /** @constant */
                        type?: "refund.succeeded";
                        data?: components["schemas"]["RefundEventData"];
                    };
                };
            };
            responses: {
                /** @description Acknowledged. */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "refund.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * refund.failed event
         * @description Any 2xx within 10 s acknowledges. Anything else is retried: right away, then after 15s, 15s, 30s, 3m, 10m, 20m, 30m, 30m, 30m, 1h, 3h, 3h, 3h, 6h, 6h (16 attempts, about 24 h). Delivery is at least once: deduplicate on the event id.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id (evt_...); the same on every delivery of the event. */
                    "X-PayCenter-Event-Id": string;
                    /** @description Unix seconds of this delivery attempt. */
                    "X-PayCenter-Timestamp": string;
                    /** @description Lowercase hex HMAC-SHA256(appSecret, TIMESTAMP + "." + RAW_BODY). Verify it over the raw body before parsing, and refuse a timestamp far from now. */
                    "X-PayCenter-Signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Event"] & {
                        /** @constant */
                        type?: "refund.failed";
                        data?: components["schemas"]["RefundEventData"];
                    };
                };
            };
            responses: {
                /** @description Acknowledged. */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "split.succeeded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * split.succeeded event
         * @description Any 2xx within 10 s acknowledges. Anything else is retried: right away, then after 15s, 15s, 30s, 3m, 10m, 20m, 30m, 30m, 30m, 1h, 3h, 3h, 3h, 6h, 6h (16 attempts, about 24 h). Delivery is at least once: deduplicate on the event id.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id (evt_...); the same on every delivery of the event. */
                    "X-PayCenter-Event-Id": string;
                    /** @description Unix seconds of this delivery attempt. */
                    "X-PayCenter-Timestamp": string;
                    /** @description Lowercase hex HMAC-SHA256(appSecret, TIMESTAMP + "." + RAW_BODY). Verify it over the raw body before parsing, and refuse a timestamp far from now. */
                    "X-PayCenter-Signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Event"] & {
                        /** @constant */
                        type?: "split.succeeded";
                        data?: components["schemas"]["SplitEventData"];
                    };
                };
            };
            responses: {
                /** @description Acknowledged. */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "split.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * split.failed event
         * @description Any 2xx within 10 s acknowledges. Anything else is retried: right away, then after 15s, 15s, 30s, 3m, 10m, 20m, 30m, 30m, 30m, 1h, 3h, 3h, 3h, 6h, 6h (16 attempts, about 24 h). Delivery is at least once: deduplicate on the event id.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id (evt_...); the same on every delivery of the event. */
                    "X-PayCenter-Event-Id": string;
                    /** @description Unix seconds of this delivery attempt. */
                    "X-PayCenter-Timestamp": string;
                    /** @description Lowercase hex HMAC-SHA256(appSecret, TIMESTAMP + "." + RAW_BODY). Verify it over the raw body before parsing, and refuse a timestamp far from now. */
                    "X-PayCenter-Signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Event"] & {
                        /** @constant */
                        type?: "split.failed";
                        data?: components["schemas"]["SplitEventData"];
                    };
                };
            };
            responses: {
                /** @description Acknowledged. */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type components = {
    schemas: {
        Payment: {
            /** @description PayCenter's number of this attempt, also the channel's out_trade_no. */
            serialNo: string;
            /** @description The app's own order number. */
            orderNo: string;
            merchantId: string;
            /** @description The payment channel; null (with channel) while a CASHIER payment waits for the payer to choose one. */
            paymentId: string | null;
            channel: ("ALIPAY" | "WECHATPAY" | "EASYPAY") | null;
            /** @enum {string} */
            invokeMethod: "PC" | "WAP" | "APP" | "MINI_PROGRAM" | "QR" | "CASHIER";
            /** @description Fen (minor units). */
            amount: number;
            /**
             * @description Always "CNY".
             * @example CNY
             */
            currency: string;
            subject: string;
            /**
             * @description Moves only forward: PENDING → SUCCEEDED | FAILED | CLOSED (a channel-verified success may still turn a CLOSED attempt SUCCEEDED).
             * @enum {string}
             */
            status: "PENDING" | "SUCCEEDED" | "FAILED" | "CLOSED";
            /** @description The channel's transaction number (Alipay trade_no, WeChat Pay transaction_id). */
            channelTradeNo: string | null;
            refundedAmount: number;
            /** @description Held by the channel for splitting (v1.1). */
            profitSharing: boolean;
            /** @description Fen split so far, splits that are not FAILED (v1.1). */
            splitAmount: number;
            paidAt: string | null;
            /** Format: date-time */
            expiresAt: string;
            /** @description false for sandbox payments. */
            livemode: boolean;
            metadata: {
                [key: string]: string;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        Action: {
            /** @constant */
            type: "CHECKOUT";
            url: string;
        } | {
            /** @constant */
            type: "QR_CODE";
            content: string;
            checkoutUrl: string;
        } | ({
            /** @constant */
            type: "REDIRECT";
            url: string;
        } | {
            /** @constant */
            type: "FORM";
            html: string;
        } | {
            /** @constant */
            type: "QR_CODE";
            content: string;
        } | {
            /** @constant */
            type: "SDK_PARAMS";
            params: {
                [key: string]: string;
            };
        });
        Order: {
            orderNo: string;
            merchantId: string;
            amount: number;
            currency: string;
            subject: string;
            /** @enum {string} */
            status: "OPEN" | "PAID" | "CLOSED";
            /** @description The attempt that paid the order. */
            paidSerialNo: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        Refund: {
            refundSerialNo: string;
            refundNo: string;
            /** @description The refunded payment attempt. */
            serialNo: string;
            amount: number;
            /** @enum {string} */
            status: "PROCESSING" | "SUCCEEDED" | "FAILED";
            channelRefundNo: string | null;
            reason: string | null;
            /** Format: date-time */
            createdAt: string;
            succeededAt: string | null;
        };
        Split: {
            splitSerialNo: string;
            splitNo: string;
            serialNo: string;
            /** @enum {string} */
            status: "PROCESSING" | "SUCCEEDED" | "FAILED";
            finish: boolean;
            receivers: {
                receiverId: string;
                amount: number;
                description: string;
                /** @enum {string} */
                status: "PROCESSING" | "SUCCEEDED" | "FAILED";
                failReason: string | null;
            }[];
            /** Format: date-time */
            createdAt: string;
            finishedAt: string | null;
        };
        Event: {
            /** @description evt_...; the same event keeps its id on every delivery, so deduplicate on it. */
            id: string;
            /**
             * @description More types may be added: ignore the ones you do not know.
             * @enum {string}
             */
            type: "payment.succeeded" | "payment.failed" | "payment.closed" | "refund.succeeded" | "refund.failed" | "split.succeeded" | "split.failed";
            /** Format: date-time */
            createdAt: string;
            livemode: boolean;
            data: components["schemas"]["SplitEventData"] | components["schemas"]["RefundEventData"] | components["schemas"]["PaymentEventData"];
        };
        FeedEvent: {
            /** @description evt_...; the same event keeps its id on every delivery, so deduplicate on it. */
            id: string;
            /**
             * @description More types may be added: ignore the ones you do not know.
             * @enum {string}
             */
            type: "payment.succeeded" | "payment.failed" | "payment.closed" | "refund.succeeded" | "refund.failed" | "split.succeeded" | "split.failed";
            /** Format: date-time */
            createdAt: string;
            livemode: boolean;
            data: components["schemas"]["SplitEventData"] | components["schemas"]["RefundEventData"] | components["schemas"]["PaymentEventData"];
            cursor: string;
        };
        PaymentEventData: {
            payment: components["schemas"]["Payment"];
        };
        RefundEventData: {
            refund: components["schemas"]["Refund"];
            payment: components["schemas"]["Payment"];
        };
        SplitEventData: {
            split: components["schemas"]["Split"];
            payment: components["schemas"]["Payment"];
        };
        StatementItem: {
            /** @constant */
            type: "payment";
            serialNo: string;
            orderNo: string;
            /** @enum {string} */
            channel: "ALIPAY" | "WECHATPAY" | "EASYPAY";
            channelTradeNo: string | null;
            amount: number;
            /** Format: date-time */
            at: string;
        } | {
            /** @constant */
            type: "refund";
            refundSerialNo: string;
            refundNo: string;
            serialNo: string;
            orderNo: string;
            /** @enum {string} */
            channel: "ALIPAY" | "WECHATPAY" | "EASYPAY";
            amount: number;
            /** Format: date-time */
            at: string;
        };
        Statement: {
            merchantId: string;
            /** Format: date */
            date: string;
            /** @constant */
            currency: "CNY";
            /** @description The whole day, whatever page is asked. */
            totals: {
                payments: {
                    count: number;
                    amount: number;
                };
                refunds: {
                    count: number;
                    amount: number;
                };
                net: number;
            };
            items: components["schemas"]["StatementItem"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        PaymentAnswer: {
            payment: components["schemas"]["Payment"];
        };
        CreatedPaymentAnswer: {
            payment: components["schemas"]["Payment"];
            action: components["schemas"]["Action"];
        };
        OrderAnswer: {
            order: components["schemas"]["Order"];
            /** @description Every attempt of the order, oldest first. */
            payments: components["schemas"]["Payment"][];
        };
        RefundAnswer: {
            refund: components["schemas"]["Refund"];
        };
        SplitAnswer: {
            split: components["schemas"]["Split"];
        };
        EventFeed: {
            events: components["schemas"]["FeedEvent"][];
            nextCursor: string;
        };
        Error: {
            error: {
                /**
                 * @description UPPER_SNAKE; new codes may be added.
                 * @enum {string}
                 */
                code: "INVALID_REQUEST" | "INVALID_SIGNATURE" | "TIMESTAMP_OUT_OF_RANGE" | "REPLAYED_REQUEST" | "APP_DISABLED" | "IP_NOT_ALLOWED" | "MERCHANT_NOT_GRANTED" | "NOT_FOUND" | "METHOD_NOT_ALLOWED" | "CONFLICT" | "ORDER_CONFLICT" | "ORDER_ALREADY_PAID" | "ORDER_CLOSED" | "REFUND_CONFLICT" | "SPLIT_NOT_ALLOWED" | "SPLIT_FINISHED" | "SPLIT_CONFLICT" | "PAYLOAD_TOO_LARGE" | "METHOD_NOT_SUPPORTED" | "MERCHANT_DISABLED" | "REFUND_AMOUNT_EXCEEDED" | "SPLIT_NOT_SUPPORTED" | "SPLIT_AMOUNT_EXCEEDED" | "ATTEMPT_TOO_FREQUENT" | "INTERNAL_ERROR" | "CHANNEL_ERROR";
                /** @description Human readable; may change: switch on code. */
                message: string;
                /** @description INVALID_REQUEST: `fields` names each bad field; CHANNEL_ERROR: `channelCode`, `channelMessage`; REFUND_AMOUNT_EXCEEDED: `refundableAmount`; SPLIT_AMOUNT_EXCEEDED: `splittableAmount`; ATTEMPT_TOO_FREQUENT: `retryAfterSeconds`. */
                details?: {
                    [key: string]: unknown;
                };
            };
        };
        CreatePaymentRequest: {
            merchantId: string;
            paymentId?: string;
            orderNo: string & (unknown & unknown);
            amount: number;
            /** @constant */
            currency: "CNY";
            subject: string;
            /** @enum {string} */
            invokeMethod: "PC" | "WAP" | "APP" | "MINI_PROGRAM" | "QR" | "CASHIER";
            returnUrl?: string;
            notifyUrl?: string;
            /** @default 900 */
            expiresInSeconds?: number;
            payer?: {
                openId?: string;
                buyerId?: string;
                clientIp?: string;
            };
            profitSharing?: boolean;
            metadata?: {
                [key: string]: string;
            };
        };
        CreateRefundRequest: {
            /** @description The app's refund number: the same refundNo with the same amount answers the same refund. */
            refundNo: string;
            /** @description Fen; with the other refunds that are not FAILED at most the paid amount. */
            amount: number;
            reason?: string;
        };
        CreateSplitRequest: {
            /** @description The app's split number: the same splitNo with the same content answers the same split. */
            splitNo: string;
            receivers: {
                /** @description A receiver registered on the payment channel (rcv_...). */
                receiverId: string;
                amount: number;
                /** @description At most 80 bytes of UTF-8. */
                description: string;
            }[];
            /**
             * @description Release what is left to the merchant after this split; no further split is allowed.
             * @default false
             */
            finish?: boolean;
        };
        /** @enum {string} */
        ErrorCode: "INVALID_REQUEST" | "INVALID_SIGNATURE" | "TIMESTAMP_OUT_OF_RANGE" | "REPLAYED_REQUEST" | "APP_DISABLED" | "IP_NOT_ALLOWED" | "MERCHANT_NOT_GRANTED" | "NOT_FOUND" | "METHOD_NOT_ALLOWED" | "CONFLICT" | "ORDER_CONFLICT" | "ORDER_ALREADY_PAID" | "ORDER_CLOSED" | "REFUND_CONFLICT" | "SPLIT_NOT_ALLOWED" | "SPLIT_FINISHED" | "SPLIT_CONFLICT" | "PAYLOAD_TOO_LARGE" | "METHOD_NOT_SUPPORTED" | "MERCHANT_DISABLED" | "REFUND_AMOUNT_EXCEEDED" | "SPLIT_NOT_SUPPORTED" | "SPLIT_AMOUNT_EXCEEDED" | "ATTEMPT_TOO_FREQUENT" | "INTERNAL_ERROR" | "CHANNEL_ERROR";
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    lookUpPayments: {
        parameters: {
            query?: {
                merchantId?: string;
                orderNo?: string;
                channelTradeNo?: string;
                /** @description "true" asks the channel for the current state first (active query) and updates the record. */
                sync?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        order: {
                            orderNo: string;
                            merchantId: string;
                            amount: number;
                            currency: string;
                            subject: string;
                            /** @enum {string} */
                            status: "OPEN" | "PAID" | "CLOSED";
                            /** @description The attempt that paid the order. */
                            paidSerialNo: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                        /** @description Every attempt of the order, oldest first. */
                        payments: {
                            /** @description PayCenter's number of this attempt, also the channel's out_trade_no. */
                            serialNo: string;
                            /** @description The app's own order number. */
                            orderNo: string;
                            merchantId: string;
                            /** @description The payment channel; null (with channel) while a CASHIER payment waits for the payer to choose one. */
                            paymentId: string | null;
                            channel: ("ALIPAY" | "WECHATPAY" | "EASYPAY") | null;
                            /** @enum {string} */
                            invokeMethod: "PC" | "WAP" | "APP" | "MINI_PROGRAM" | "QR" | "CASHIER";
                            /** @description Fen (minor units). */
                            amount: number;
                            /**
                             * @description Always "CNY".
                             * @example CNY
                             */
                            currency: string;
                            subject: string;
                            /**
                             * @description Moves only forward: PENDING → SUCCEEDED | FAILED | CLOSED (a channel-verified success may still turn a CLOSED attempt SUCCEEDED).
                             * @enum {string}
                             */
                            status: "PENDING" | "SUCCEEDED" | "FAILED" | "CLOSED";
                            /** @description The channel's transaction number (Alipay trade_no, WeChat Pay transaction_id). */
                            channelTradeNo: string | null;
                            refundedAmount: number;
                            /** @description Held by the channel for splitting (v1.1). */
                            profitSharing: boolean;
                            /** @description Fen split so far, splits that are not FAILED (v1.1). */
                            splitAmount: number;
                            paidAt: string | null;
                            /** Format: date-time */
                            expiresAt: string;
                            /** @description false for sandbox payments. */
                            livemode: boolean;
                            metadata: {
                                [key: string]: string;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    } | {
                        payment: {
                            /** @description PayCenter's number of this attempt, also the channel's out_trade_no. */
                            serialNo: string;
                            /** @description The app's own order number. */
                            orderNo: string;
                            merchantId: string;
                            /** @description The payment channel; null (with channel) while a CASHIER payment waits for the payer to choose one. */
                            paymentId: string | null;
                            channel: ("ALIPAY" | "WECHATPAY" | "EASYPAY") | null;
                            /** @enum {string} */
                            invokeMethod: "PC" | "WAP" | "APP" | "MINI_PROGRAM" | "QR" | "CASHIER";
                            /** @description Fen (minor units). */
                            amount: number;
                            /**
                             * @description Always "CNY".
                             * @example CNY
                             */
                            currency: string;
                            subject: string;
                            /**
                             * @description Moves only forward: PENDING → SUCCEEDED | FAILED | CLOSED (a channel-verified success may still turn a CLOSED attempt SUCCEEDED).
                             * @enum {string}
                             */
                            status: "PENDING" | "SUCCEEDED" | "FAILED" | "CLOSED";
                            /** @description The channel's transaction number (Alipay trade_no, WeChat Pay transaction_id). */
                            channelTradeNo: string | null;
                            refundedAmount: number;
                            /** @description Held by the channel for splitting (v1.1). */
                            profitSharing: boolean;
                            /** @description Fen split so far, splits that are not FAILED (v1.1). */
                            splitAmount: number;
                            paidAt: string | null;
                            /** Format: date-time */
                            expiresAt: string;
                            /** @description false for sandbox payments. */
                            livemode: boolean;
                            metadata: {
                                [key: string]: string;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description `INVALID_REQUEST`: The request is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description `INVALID_SIGNATURE`: The request signature is invalid.
             *
             *     `TIMESTAMP_OUT_OF_RANGE`: The request timestamp is too far from server time.
             *
             *     `REPLAYED_REQUEST`: This nonce was already used.
             *
             *     `APP_DISABLED`: The app is disabled.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description `IP_NOT_ALLOWED`: Requests from this address are not allowed for the app.
             *
             *     `MERCHANT_NOT_GRANTED`: The app is not granted this merchant.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INTERNAL_ERROR`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `CHANNEL_ERROR`: The payment channel rejected the request or could not be reached. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createPayment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "merchantId": "mch_demo",
                 *       "paymentId": "pay_demo_alipay",
                 *       "orderNo": "ORDER-1001",
                 *       "amount": 1000,
                 *       "currency": "CNY",
                 *       "subject": "Property fee 2026-11",
                 *       "invokeMethod": "PC",
                 *       "metadata": {
                 *         "room": "3-2-1201"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["CreatePaymentRequest"];
            };
        };
        responses: {
            /** @description The same request again: the existing object. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedPaymentAnswer"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "payment": {
                     *         "serialNo": "P20261124081530K3F9Q2ZT7MWD",
                     *         "orderNo": "ORDER-1001",
                     *         "merchantId": "mch_demo",
                     *         "paymentId": "pay_demo_alipay",
                     *         "channel": "ALIPAY",
                     *         "invokeMethod": "PC",
                     *         "amount": 1000,
                     *         "currency": "CNY",
                     *         "subject": "Property fee 2026-11",
                     *         "status": "PENDING",
                     *         "channelTradeNo": null,
                     *         "refundedAmount": 0,
                     *         "profitSharing": false,
                     *         "splitAmount": 0,
                     *         "paidAt": null,
                     *         "expiresAt": "2026-11-24T08:30:30.000Z",
                     *         "livemode": false,
                     *         "metadata": {
                     *           "room": "3-2-1201"
                     *         },
                     *         "createdAt": "2026-11-24T08:15:30.000Z",
                     *         "updatedAt": "2026-11-24T08:15:30.000Z"
                     *       },
                     *       "action": {
                     *         "type": "REDIRECT",
                     *         "url": "https://openapi.alipay.com/gateway.do?method=alipay.trade.page.pay&..."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CreatedPaymentAnswer"];
                };
            };
            /** @description `INVALID_REQUEST`: The request is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description `INVALID_SIGNATURE`: The request signature is invalid.
             *
             *     `TIMESTAMP_OUT_OF_RANGE`: The request timestamp is too far from server time.
             *
             *     `REPLAYED_REQUEST`: This nonce was already used.
             *
             *     `APP_DISABLED`: The app is disabled.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description `IP_NOT_ALLOWED`: Requests from this address are not allowed for the app.
             *
             *     `MERCHANT_NOT_GRANTED`: The app is not granted this merchant.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description `ORDER_CONFLICT`: An order with this number exists with different details.
             *
             *     `ORDER_ALREADY_PAID`: The order is already paid.
             *
             *     `ORDER_CLOSED`: The order is closed.
             *
             *     `CONFLICT`: The request conflicts with the current state.
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description `METHOD_NOT_SUPPORTED`: This channel or invoke method is not enabled for the payment ID.
             *
             *     `MERCHANT_DISABLED`: The merchant or its property company is disabled.
             *
             *     `SPLIT_NOT_SUPPORTED`: Splitting is not enabled for this payment channel.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `ATTEMPT_TOO_FREQUENT`: A new attempt for this order is not allowed yet. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INTERNAL_ERROR`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `CHANNEL_ERROR`: The payment channel rejected the request or could not be reached. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPayment: {
        parameters: {
            query?: {
                /** @description "true" asks the channel for the current state first (active query) and updates the record. */
                sync?: "true" | "false";
            };
            header?: never;
            path: {
                serialNo: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentAnswer"];
                };
            };
            /** @description `INVALID_REQUEST`: The request is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description `INVALID_SIGNATURE`: The request signature is invalid.
             *
             *     `TIMESTAMP_OUT_OF_RANGE`: The request timestamp is too far from server time.
             *
             *     `REPLAYED_REQUEST`: This nonce was already used.
             *
             *     `APP_DISABLED`: The app is disabled.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `IP_NOT_ALLOWED`: Requests from this address are not allowed for the app. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INTERNAL_ERROR`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `CHANNEL_ERROR`: The payment channel rejected the request or could not be reached. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    closePayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                serialNo: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentAnswer"];
                };
            };
            /** @description `INVALID_REQUEST`: The request is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description `INVALID_SIGNATURE`: The request signature is invalid.
             *
             *     `TIMESTAMP_OUT_OF_RANGE`: The request timestamp is too far from server time.
             *
             *     `REPLAYED_REQUEST`: This nonce was already used.
             *
             *     `APP_DISABLED`: The app is disabled.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `IP_NOT_ALLOWED`: Requests from this address are not allowed for the app. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description `ORDER_ALREADY_PAID`: The order is already paid.
             *
             *     `CONFLICT`: The request conflicts with the current state.
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INTERNAL_ERROR`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `CHANNEL_ERROR`: The payment channel rejected the request or could not be reached. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createRefund: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                serialNo: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "refundNo": "REFUND-1001-1",
                 *       "amount": 300,
                 *       "reason": "Overcharged"
                 *     }
                 */
                "application/json": components["schemas"]["CreateRefundRequest"];
            };
        };
        responses: {
            /** @description The same request again: the existing object. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefundAnswer"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "refund": {
                     *         "refundSerialNo": "R20261125093000T7Q2M8XK4PLA",
                     *         "refundNo": "REFUND-1001-1",
                     *         "serialNo": "P20261124081530K3F9Q2ZT7MWD",
                     *         "amount": 300,
                     *         "status": "PROCESSING",
                     *         "channelRefundNo": null,
                     *         "reason": "Overcharged",
                     *         "createdAt": "2026-11-25T09:30:00.000Z",
                     *         "succeededAt": null
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["RefundAnswer"];
                };
            };
            /** @description `INVALID_REQUEST`: The request is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description `INVALID_SIGNATURE`: The request signature is invalid.
             *
             *     `TIMESTAMP_OUT_OF_RANGE`: The request timestamp is too far from server time.
             *
             *     `REPLAYED_REQUEST`: This nonce was already used.
             *
             *     `APP_DISABLED`: The app is disabled.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `IP_NOT_ALLOWED`: Requests from this address are not allowed for the app. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description `CONFLICT`: The request conflicts with the current state.
             *
             *     `REFUND_CONFLICT`: A refund with this number exists with a different amount.
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `REFUND_AMOUNT_EXCEEDED`: The refund exceeds the refundable amount. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INTERNAL_ERROR`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `CHANNEL_ERROR`: The payment channel rejected the request or could not be reached. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRefund: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                refundSerialNo: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefundAnswer"];
                };
            };
            /** @description `INVALID_REQUEST`: The request is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description `INVALID_SIGNATURE`: The request signature is invalid.
             *
             *     `TIMESTAMP_OUT_OF_RANGE`: The request timestamp is too far from server time.
             *
             *     `REPLAYED_REQUEST`: This nonce was already used.
             *
             *     `APP_DISABLED`: The app is disabled.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `IP_NOT_ALLOWED`: Requests from this address are not allowed for the app. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INTERNAL_ERROR`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createSplit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                serialNo: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "splitNo": "SPLIT-1001-1",
                 *       "receivers": [
                 *         {
                 *           "receiverId": "rcv_2hQ8Wm4Kd9Tz",
                 *           "amount": 100,
                 *           "description": "服务费"
                 *         }
                 *       ],
                 *       "finish": false
                 *     }
                 */
                "application/json": components["schemas"]["CreateSplitRequest"];
            };
        };
        responses: {
            /** @description The same request again: the existing object. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SplitAnswer"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "split": {
                     *         "splitSerialNo": "S20261125100000V3N6R1YB8QJC",
                     *         "splitNo": "SPLIT-1001-1",
                     *         "serialNo": "P20261124081530K3F9Q2ZT7MWD",
                     *         "status": "PROCESSING",
                     *         "finish": false,
                     *         "receivers": [
                     *           {
                     *             "receiverId": "rcv_2hQ8Wm4Kd9Tz",
                     *             "amount": 100,
                     *             "description": "服务费",
                     *             "status": "PROCESSING",
                     *             "failReason": null
                     *           }
                     *         ],
                     *         "createdAt": "2026-11-25T10:00:00.000Z",
                     *         "finishedAt": null
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["SplitAnswer"];
                };
            };
            /** @description `INVALID_REQUEST`: The request is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description `INVALID_SIGNATURE`: The request signature is invalid.
             *
             *     `TIMESTAMP_OUT_OF_RANGE`: The request timestamp is too far from server time.
             *
             *     `REPLAYED_REQUEST`: This nonce was already used.
             *
             *     `APP_DISABLED`: The app is disabled.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `IP_NOT_ALLOWED`: Requests from this address are not allowed for the app. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description `SPLIT_NOT_ALLOWED`: Only a SUCCEEDED payment made with profitSharing can be split.
             *
             *     `SPLIT_FINISHED`: Splitting of this payment is finished.
             *
             *     `SPLIT_CONFLICT`: A split with this number exists with different content.
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description `SPLIT_NOT_SUPPORTED`: Splitting is not enabled for this payment channel.
             *
             *     `SPLIT_AMOUNT_EXCEEDED`: The split exceeds the splittable amount.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INTERNAL_ERROR`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `CHANNEL_ERROR`: The payment channel rejected the request or could not be reached. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    finishSplits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                serialNo: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentAnswer"];
                };
            };
            /** @description `INVALID_REQUEST`: The request is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description `INVALID_SIGNATURE`: The request signature is invalid.
             *
             *     `TIMESTAMP_OUT_OF_RANGE`: The request timestamp is too far from server time.
             *
             *     `REPLAYED_REQUEST`: This nonce was already used.
             *
             *     `APP_DISABLED`: The app is disabled.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `IP_NOT_ALLOWED`: Requests from this address are not allowed for the app. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SPLIT_NOT_ALLOWED`: Only a SUCCEEDED payment made with profitSharing can be split. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `SPLIT_NOT_SUPPORTED`: Splitting is not enabled for this payment channel. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INTERNAL_ERROR`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `CHANNEL_ERROR`: The payment channel rejected the request or could not be reached. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSplit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                splitSerialNo: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SplitAnswer"];
                };
            };
            /** @description `INVALID_REQUEST`: The request is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description `INVALID_SIGNATURE`: The request signature is invalid.
             *
             *     `TIMESTAMP_OUT_OF_RANGE`: The request timestamp is too far from server time.
             *
             *     `REPLAYED_REQUEST`: This nonce was already used.
             *
             *     `APP_DISABLED`: The app is disabled.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `IP_NOT_ALLOWED`: Requests from this address are not allowed for the app. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INTERNAL_ERROR`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description A cursor: the events after it are answered (0, the start, by default). */
                after?: string;
                /** @description From 1 to 500; 100 by default. */
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventFeed"];
                };
            };
            /** @description `INVALID_REQUEST`: The request is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description `INVALID_SIGNATURE`: The request signature is invalid.
             *
             *     `TIMESTAMP_OUT_OF_RANGE`: The request timestamp is too far from server time.
             *
             *     `REPLAYED_REQUEST`: This nonce was already used.
             *
             *     `APP_DISABLED`: The app is disabled.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `IP_NOT_ALLOWED`: Requests from this address are not allowed for the app. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INTERNAL_ERROR`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStatement: {
        parameters: {
            query: {
                merchantId: string;
                /** @description A calendar day in Asia/Shanghai, YYYY-MM-DD, that has begun. */
                date: string;
                cursor?: string;
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Statement"];
                    "text/csv": string;
                };
            };
            /** @description `INVALID_REQUEST`: The request is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description `INVALID_SIGNATURE`: The request signature is invalid.
             *
             *     `TIMESTAMP_OUT_OF_RANGE`: The request timestamp is too far from server time.
             *
             *     `REPLAYED_REQUEST`: This nonce was already used.
             *
             *     `APP_DISABLED`: The app is disabled.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description `IP_NOT_ALLOWED`: Requests from this address are not allowed for the app.
             *
             *     `MERCHANT_NOT_GRANTED`: The app is not granted this merchant.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INTERNAL_ERROR`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    sandboxPay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                serialNo: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentAnswer"];
                };
            };
            /** @description `INVALID_REQUEST`: The request is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description `INVALID_SIGNATURE`: The request signature is invalid.
             *
             *     `TIMESTAMP_OUT_OF_RANGE`: The request timestamp is too far from server time.
             *
             *     `REPLAYED_REQUEST`: This nonce was already used.
             *
             *     `APP_DISABLED`: The app is disabled.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `IP_NOT_ALLOWED`: Requests from this address are not allowed for the app. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `CONFLICT`: The request conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `METHOD_NOT_SUPPORTED`: This channel or invoke method is not enabled for the payment ID. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INTERNAL_ERROR`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    sandboxFail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                serialNo: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentAnswer"];
                };
            };
            /** @description `INVALID_REQUEST`: The request is invalid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description `INVALID_SIGNATURE`: The request signature is invalid.
             *
             *     `TIMESTAMP_OUT_OF_RANGE`: The request timestamp is too far from server time.
             *
             *     `REPLAYED_REQUEST`: This nonce was already used.
             *
             *     `APP_DISABLED`: The app is disabled.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `IP_NOT_ALLOWED`: Requests from this address are not allowed for the app. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `NOT_FOUND`: Not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `CONFLICT`: The request conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `PAYLOAD_TOO_LARGE`: The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `METHOD_NOT_SUPPORTED`: This channel or invoke method is not enabled for the payment ID. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description `INTERNAL_ERROR`: Something went wrong on our side. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
}
