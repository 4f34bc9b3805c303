import { Migration } from '@mikro-orm/migrations';

export class Migration20261123150711 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "entitlements_entitlement" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organization_id" uuid not null, "name" varchar(255) not null, "description" text null, "valid_from" timestamptz null, "valid_until" timestamptz null, constraint "entitlements_entitlement_pkey" primary key ("id"));`);
    this.addSql(`create index "entitlements_entitlement_account_id_index" on "entitlements_entitlement" ("account_id");`);
    this.addSql(`create index "entitlements_entitlement_organization_id_index" on "entitlements_entitlement" ("organization_id");`);

    this.addSql(`create table "entitlements_entitlement_license" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "entitlement_id" uuid not null, "license_id" uuid not null, "licensed_item_id" uuid not null, "license_model_id" uuid not null, "valid_from" timestamptz null, "valid_until" timestamptz null, "active" boolean not null default true, "scope_bindings" jsonb not null, constraint "entitlements_entitlement_license_pkey" primary key ("id"));`);
    this.addSql(`create index "entitlements_entitlement_license_account_id_index" on "entitlements_entitlement_license" ("account_id");`);
    this.addSql(`create index "entitlements_entitlement_license_entitlement_id_index" on "entitlements_entitlement_license" ("entitlement_id");`);
    this.addSql(`create index "entitlements_entitlement_license_license_id_index" on "entitlements_entitlement_license" ("license_id");`);
    this.addSql(`create index "entitlements_entitlement_license_licensed_item_id_index" on "entitlements_entitlement_license" ("licensed_item_id");`);
    this.addSql(`create index "entitlements_entitlement_license_license_model_id_index" on "entitlements_entitlement_license" ("license_model_id");`);
    this.addSql(`alter table "entitlements_entitlement_license" add constraint "entitlements_entitlement_license_account_id_license_id_unique" unique ("account_id", "license_id");`);

    this.addSql(`create table "entitlements_licensed_item" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(255) not null, "display_name" varchar(255) null, "description" text null, "type" varchar(255) null, "version" varchar(255) null, "aggregated_item_ids" jsonb not null, constraint "entitlements_licensed_item_pkey" primary key ("id"));`);
    this.addSql(`create index "entitlements_licensed_item_account_id_index" on "entitlements_licensed_item" ("account_id");`);
    this.addSql(`alter table "entitlements_licensed_item" add constraint "entitlements_licensed_item_account_id_name_unique" unique ("account_id", "name");`);

    this.addSql(`create table "entitlements_license_model" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(255) not null, "description" text null, "assigned_license_constraint" jsonb null, "concurrent_sessions" jsonb null, "lease_time_behavior" jsonb null, "license_locking_behavior" jsonb null, "license_pool_behavior" jsonb null, "scoped_license_constraint" jsonb null, "seat_count_constraint" jsonb null, "use_count_constraint" jsonb null, "use_time_constraint" jsonb null, "version_constraint" jsonb null, constraint "entitlements_license_model_pkey" primary key ("id"));`);
    this.addSql(`create index "entitlements_license_model_account_id_index" on "entitlements_license_model" ("account_id");`);
    this.addSql(`alter table "entitlements_license_model" add constraint "entitlements_license_model_account_id_name_unique" unique ("account_id", "name");`);

    this.addSql(`create table "entitlements_license_order" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organization_id" uuid not null, "order_number" varchar(255) null, "order_date" timestamptz null, "canceled" boolean not null default false, "metadata" text null, constraint "entitlements_license_order_pkey" primary key ("id"));`);
    this.addSql(`create index "entitlements_license_order_account_id_index" on "entitlements_license_order" ("account_id");`);
    this.addSql(`create index "entitlements_license_order_organization_id_index" on "entitlements_license_order" ("organization_id");`);

    this.addSql(`create table "entitlements_license_order_line" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "license_order_id" uuid not null, "position" int not null, "line_number" varchar(255) null, "product_id" uuid null, "product_code" varchar(255) null, "license_id" uuid not null, "entitlement_id" uuid null, "licensed_item_id" uuid not null, "credit_type" varchar(20) not null, "quantity" bigint not null, "order_valid_from" timestamptz null, "order_valid_until" timestamptz null, "metadata" text null, constraint "entitlements_license_order_line_pkey" primary key ("id"));`);
    this.addSql(`create index "entitlements_license_order_line_account_id_index" on "entitlements_license_order_line" ("account_id");`);
    this.addSql(`create index "entitlements_license_order_line_license_order_id_index" on "entitlements_license_order_line" ("license_order_id");`);
    this.addSql(`create index "entitlements_license_order_line_license_id_index" on "entitlements_license_order_line" ("license_id");`);

    this.addSql(`create table "entitlements_outbox" ("seq" serial primary key, "event_id" varchar(36) not null, "account_id" varchar(36) not null, "type" varchar(100) not null, "entity_type" varchar(100) not null, "entity_id" varchar(36) not null, "payload" jsonb not null, "occurred_at" timestamptz not null, "published_at" timestamptz null);`);
    this.addSql(`alter table "entitlements_outbox" add constraint "entitlements_outbox_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "entitlements_outbox_account_id_index" on "entitlements_outbox" ("account_id");`);
    this.addSql(`create index "entitlements_outbox_published_at_index" on "entitlements_outbox" ("published_at");`);

    this.addSql(`create table "entitlements_seat_count_credit" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "license_id" uuid not null, "license_order_line_id" uuid null, "valid_from" timestamptz null, "valid_until" timestamptz null, "active" boolean not null default true, "allowed_versions" varchar(255) null, "allowed_versions_description" text null, "scope_bindings" jsonb not null, "seat_count" int not null, "seats_consumed" int not null default 0, constraint "entitlements_seat_count_credit_pkey" primary key ("id"));`);
    this.addSql(`create index "entitlements_seat_count_credit_account_id_index" on "entitlements_seat_count_credit" ("account_id");`);
    this.addSql(`create index "entitlements_seat_count_credit_license_id_index" on "entitlements_seat_count_credit" ("license_id");`);
    this.addSql(`create index "entitlements_seat_count_credit_license_order_line_id_index" on "entitlements_seat_count_credit" ("license_order_line_id");`);

    this.addSql(`create table "entitlements_use_count_credit" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "license_id" uuid not null, "license_order_line_id" uuid null, "valid_from" timestamptz null, "valid_until" timestamptz null, "active" boolean not null default true, "allowed_versions" varchar(255) null, "allowed_versions_description" text null, "scope_bindings" jsonb not null, "use_count" int not null, "count_used" int not null default 0, constraint "entitlements_use_count_credit_pkey" primary key ("id"));`);
    this.addSql(`create index "entitlements_use_count_credit_account_id_index" on "entitlements_use_count_credit" ("account_id");`);
    this.addSql(`create index "entitlements_use_count_credit_license_id_index" on "entitlements_use_count_credit" ("license_id");`);
    this.addSql(`create index "entitlements_use_count_credit_license_order_line_id_index" on "entitlements_use_count_credit" ("license_order_line_id");`);

    this.addSql(`create table "entitlements_use_time_credit" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "license_id" uuid not null, "license_order_line_id" uuid null, "valid_from" timestamptz null, "valid_until" timestamptz null, "active" boolean not null default true, "allowed_versions" varchar(255) null, "allowed_versions_description" text null, "scope_bindings" jsonb not null, "use_time" bigint not null, "time_used" bigint not null default 0, constraint "entitlements_use_time_credit_pkey" primary key ("id"));`);
    this.addSql(`create index "entitlements_use_time_credit_account_id_index" on "entitlements_use_time_credit" ("account_id");`);
    this.addSql(`create index "entitlements_use_time_credit_license_id_index" on "entitlements_use_time_credit" ("license_id");`);
    this.addSql(`create index "entitlements_use_time_credit_license_order_line_id_index" on "entitlements_use_time_credit" ("license_order_line_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "entitlements_entitlement" cascade;`);

    this.addSql(`drop table if exists "entitlements_entitlement_license" cascade;`);

    this.addSql(`drop table if exists "entitlements_licensed_item" cascade;`);

    this.addSql(`drop table if exists "entitlements_license_model" cascade;`);

    this.addSql(`drop table if exists "entitlements_license_order" cascade;`);

    this.addSql(`drop table if exists "entitlements_license_order_line" cascade;`);

    this.addSql(`drop table if exists "entitlements_outbox" cascade;`);

    this.addSql(`drop table if exists "entitlements_seat_count_credit" cascade;`);

    this.addSql(`drop table if exists "entitlements_use_count_credit" cascade;`);

    this.addSql(`drop table if exists "entitlements_use_time_credit" cascade;`);
  }

}
