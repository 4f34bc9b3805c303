import { Migration } from '@mikro-orm/migrations';

export class Migration20261123152131 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "licenses_account" ("id" uuid not null, "account_id" uuid not null, "name" varchar(255) not null, "signing_public_key" text not null, "signing_private_key_sealed" text not null, "created_at" timestamptz not null, constraint "licenses_account_pkey" primary key ("id"));`);
    this.addSql(`alter table "licenses_account" add constraint "licenses_account_account_id_unique" unique ("account_id");`);

    this.addSql(`create table "licenses_license" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "key" varchar(255) not null, "name" varchar(255) null, "product_id" uuid not null, "policy_id" uuid not null, "organization_id" uuid null, "user_id" uuid null, "reseller_id" uuid null, "additional_user_ids" jsonb not null, "expiry" timestamptz null, "effective_date" timestamptz null, "uses" int not null default 0, "suspended" boolean not null default false, "revoked" boolean not null default false, "encrypted" boolean not null default false, "protected_override" boolean null, "floating_override" boolean null, "strict_override" boolean null, "require_heartbeat_override" boolean null, "require_check_in_override" boolean null, "duration_override" int null, "max_machines_override" int null, "max_processes_override" int null, "max_users_override" int null, "max_cores_override" int null, "max_uses_override" int null, "last_validated" timestamptz null, "last_check_out" timestamptz null, "last_check_in" timestamptz null, "next_check_in" timestamptz null, "total_activations" int not null default 0, "total_deactivations" int not null default 0, "allowed_activations" int not null default 0, "allowed_deactivations" int not null default 0, "expiration_strategy" varchar(40) not null default 'IMMEDIATE', "subscription_interval" varchar(255) null, "subscription_start_trigger" varchar(40) not null default 'CREATION', "fingerprint_matching_strategy" varchar(40) null, "leasing_strategy" varchar(40) null, "allowed_floating_clients" int not null default 0, "server_sync_grace_period" int not null default 0, "server_sync_interval" int not null default 0, "allowed_clock_offset" int not null default 0, "crypto_binding_enabled" boolean not null default false, "disable_clock_validation" boolean not null default false, "expiring_soon_event_offset" int not null default 0, "lease_duration" int not null default 0, "activated_at" timestamptz null, "last_used_at" timestamptz null, "allow_vm_activation" boolean not null default true, "allow_container_activation" boolean not null default true, "allow_client_lease_duration" boolean not null default false, "user_locked" boolean not null default false, "require_authentication" boolean not null default false, "disable_geo_location" boolean not null default false, "notes" text null, "entitlement_set_id" uuid null, "entitlement_codes" jsonb not null, "product_version_id" uuid null, "maintenance_policy_id" uuid null, "maintenance_expires_at" timestamptz null, "current_release_version" varchar(255) null, "max_allowed_release_version" varchar(255) null, "allowed_ip_ranges" jsonb not null, "allowed_ip_addresses" jsonb not null, "disallowed_ip_addresses" jsonb not null, "allowed_countries" jsonb not null, "disallowed_countries" jsonb not null, "tags" jsonb not null, "quantity" int null, "initial_quantity" int null, "purchase_date" timestamptz null, "purchase_value" numeric(18,4) null, "purchase_currency" varchar(3) null, "vendor" varchar(255) null, "sku" varchar(255) null, "sku_id" uuid null, "invoice_reference" varchar(255) null, "product_description" varchar(255) null, "external_id" varchar(255) null, "license_keys" text null, "media_storage" varchar(255) null, "license_proof_location" varchar(255) null, "is_subscription" boolean null, "subscription_valid_from" timestamptz null, "subscription_valid_to" timestamptz null, "application_id" uuid null, "metric_id" uuid null, "assignment_type_id" uuid null, "contract_id" uuid null, "agreement_id" uuid null, "is_upgrade" boolean not null default false, "is_downgrade" boolean not null default false, "is_cross_edition" boolean not null default false, "is_cross_platform" boolean not null default false, "has_vm_use_rights" boolean null, "number_of_supported_virtual_machines" int null, "auto_allocate_once" boolean null, "is_auto_allocated" boolean null, "maintenance_according_to_agreement" boolean not null default false, "record_status" varchar(40) not null default 'ACTIVE', "archived_date" timestamptz null, constraint "licenses_license_pkey" primary key ("id"));`);
    this.addSql(`create index "licenses_license_account_id_index" on "licenses_license" ("account_id");`);
    this.addSql(`create index "licenses_license_product_id_index" on "licenses_license" ("product_id");`);
    this.addSql(`create index "licenses_license_policy_id_index" on "licenses_license" ("policy_id");`);
    this.addSql(`create index "licenses_license_organization_id_index" on "licenses_license" ("organization_id");`);
    this.addSql(`create index "licenses_license_user_id_index" on "licenses_license" ("user_id");`);
    this.addSql(`create index "licenses_license_application_id_index" on "licenses_license" ("application_id");`);
    this.addSql(`alter table "licenses_license" add constraint "licenses_license_account_id_key_unique" unique ("account_id", "key");`);

    this.addSql(`create table "licenses_field_policy" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(255) not null, "description" text null, constraint "licenses_field_policy_pkey" primary key ("id"));`);
    this.addSql(`create index "licenses_field_policy_account_id_index" on "licenses_field_policy" ("account_id");`);

    this.addSql(`create table "licenses_field_policy_field" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "policy_id" uuid not null, "name" varchar(255) not null, "description" text null, "is_required" boolean not null default false, "is_combo_box" boolean not null default false, "is_editing_allowed" boolean not null default true, "list_items" jsonb not null, constraint "licenses_field_policy_field_pkey" primary key ("id"));`);
    this.addSql(`create index "licenses_field_policy_field_account_id_index" on "licenses_field_policy_field" ("account_id");`);
    this.addSql(`create index "licenses_field_policy_field_policy_id_index" on "licenses_field_policy_field" ("policy_id");`);
    this.addSql(`alter table "licenses_field_policy_field" add constraint "licenses_field_policy_field_policy_id_name_unique" unique ("policy_id", "name");`);

    this.addSql(`create table "licenses_license_metadata" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "license_id" uuid not null, "key" varchar(255) not null, "value" text not null, "visible" boolean not null default true, "view_permissions" jsonb not null, constraint "licenses_license_metadata_pkey" primary key ("id"));`);
    this.addSql(`create index "licenses_license_metadata_account_id_index" on "licenses_license_metadata" ("account_id");`);
    this.addSql(`create index "licenses_license_metadata_license_id_index" on "licenses_license_metadata" ("license_id");`);
    this.addSql(`alter table "licenses_license_metadata" add constraint "licenses_license_metadata_license_id_key_unique" unique ("license_id", "key");`);

    this.addSql(`create table "licenses_machine" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "license_id" uuid not null, "fingerprint" varchar(255) not null, "name" varchar(255) null, "hostname" varchar(255) null, "platform" varchar(255) null, "ip" varchar(255) null, "cores" int not null default 1, "last_heartbeat" timestamptz null, constraint "licenses_machine_pkey" primary key ("id"));`);
    this.addSql(`create index "licenses_machine_account_id_index" on "licenses_machine" ("account_id");`);
    this.addSql(`create index "licenses_machine_license_id_index" on "licenses_machine" ("license_id");`);
    this.addSql(`alter table "licenses_machine" add constraint "licenses_machine_license_id_fingerprint_unique" unique ("license_id", "fingerprint");`);

    this.addSql(`create table "licenses_meter_attribute" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "license_id" uuid not null, "name" varchar(255) not null, "allowed_uses" int not null default 0, "total_uses" int not null default 0, "gross_uses" int not null default 0, "floating" boolean not null default false, "visible" boolean not null default true, "view_permissions" jsonb not null, constraint "licenses_meter_attribute_pkey" primary key ("id"));`);
    this.addSql(`create index "licenses_meter_attribute_account_id_index" on "licenses_meter_attribute" ("account_id");`);
    this.addSql(`create index "licenses_meter_attribute_license_id_index" on "licenses_meter_attribute" ("license_id");`);
    this.addSql(`alter table "licenses_meter_attribute" add constraint "licenses_meter_attribute_license_id_name_unique" unique ("license_id", "name");`);

    this.addSql(`create table "licenses_organization" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(255) not null, "email" varchar(255) null, "description" text null, "allowed_users" int null, "address_line1" varchar(255) null, "address_line2" varchar(255) null, "city" varchar(255) null, "state" varchar(255) null, "country" varchar(255) null, "postal_code" varchar(255) null, "reseller_id" uuid null, constraint "licenses_organization_pkey" primary key ("id"));`);
    this.addSql(`create index "licenses_organization_account_id_index" on "licenses_organization" ("account_id");`);
    this.addSql(`create index "licenses_organization_reseller_id_index" on "licenses_organization" ("reseller_id");`);

    this.addSql(`create table "licenses_outbox" ("seq" serial primary key, "event_id" varchar(36) not null, "account_id" varchar(36) not null, "type" varchar(100) not null, "entity_type" varchar(100) not null, "entity_id" varchar(36) not null, "payload" jsonb not null, "occurred_at" timestamptz not null, "published_at" timestamptz null);`);
    this.addSql(`alter table "licenses_outbox" add constraint "licenses_outbox_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "licenses_outbox_account_id_index" on "licenses_outbox" ("account_id");`);
    this.addSql(`create index "licenses_outbox_published_at_index" on "licenses_outbox" ("published_at");`);

    this.addSql(`create table "licenses_policy" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "product_id" uuid not null, "name" varchar(255) not null, "duration" int null, "type" varchar(40) not null default 'NODE_LOCKED', "floating" boolean not null default false, "strict" boolean not null default false, "protected" boolean not null default false, "max_machines" int null, "max_processes" int null, "max_users" int null, "max_cores" int null, "max_uses" int null, "require_heartbeat" boolean not null default false, "heartbeat_duration" int not null default 600, "heartbeat_cull_strategy" varchar(40) not null default 'DEACTIVATE_DEAD', "require_check_in" boolean not null default false, "check_in_interval" int null, "expiration_strategy" varchar(40) not null default 'IMMEDIATE', "expiration_access" varchar(40) not null default 'RESTRICT_ACCESS', "fingerprint_matching_strategy" varchar(40) not null default 'MATCH_ANY', "leasing_strategy" varchar(40) not null default 'PER_MACHINE', "overage_strategy" varchar(40) not null default 'NO_OVERAGE', "scheme" varchar(255) null, "require_product_scope" boolean not null default false, "require_policy_scope" boolean not null default false, "require_machine_scope" boolean not null default false, "require_fingerprint_scope" boolean not null default false, "require_user_scope" boolean not null default false, "require_entitlements_scope" boolean not null default false, "entitlement_codes" jsonb not null, constraint "licenses_policy_pkey" primary key ("id"));`);
    this.addSql(`create index "licenses_policy_account_id_index" on "licenses_policy" ("account_id");`);
    this.addSql(`create index "licenses_policy_product_id_index" on "licenses_policy" ("product_id");`);

    this.addSql(`create table "licenses_product" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(255) not null, "code" varchar(255) null, "platforms" jsonb not null, constraint "licenses_product_pkey" primary key ("id"));`);
    this.addSql(`create index "licenses_product_account_id_index" on "licenses_product" ("account_id");`);

    this.addSql(`create table "licenses_reseller" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(255) not null, "email" varchar(255) null, "description" text null, "allowed_users" int null, "allowed_organizations" int null, constraint "licenses_reseller_pkey" primary key ("id"));`);
    this.addSql(`create index "licenses_reseller_account_id_index" on "licenses_reseller" ("account_id");`);

    this.addSql(`create table "licenses_user" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organization_id" uuid null, "email" varchar(255) not null, "first_name" varchar(255) null, "last_name" varchar(255) null, "role" varchar(255) null, "roles" jsonb not null, "company" varchar(255) null, "allow_customer_portal_access" boolean not null default false, "banned" boolean not null default false, "tags" jsonb not null, constraint "licenses_user_pkey" primary key ("id"));`);
    this.addSql(`create index "licenses_user_account_id_index" on "licenses_user" ("account_id");`);
    this.addSql(`create index "licenses_user_organization_id_index" on "licenses_user" ("organization_id");`);
    this.addSql(`alter table "licenses_user" add constraint "licenses_user_account_id_email_unique" unique ("account_id", "email");`);

    this.addSql(`create table "licenses_webhook_delivery" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "endpoint_id" uuid not null, "event_id" varchar(36) not null, "event" varchar(100) not null, "payload" jsonb not null, "status" varchar(20) not null default 'PENDING', "attempts" int not null default 0, "last_response_code" int null, "last_error" text null, "last_attempt_at" timestamptz null, "next_attempt_at" timestamptz null, "duration_ms" int null, constraint "licenses_webhook_delivery_pkey" primary key ("id"));`);
    this.addSql(`create index "licenses_webhook_delivery_account_id_index" on "licenses_webhook_delivery" ("account_id");`);
    this.addSql(`create index "licenses_webhook_delivery_endpoint_id_index" on "licenses_webhook_delivery" ("endpoint_id");`);
    this.addSql(`create index "licenses_webhook_delivery_status_next_attempt_at_index" on "licenses_webhook_delivery" ("status", "next_attempt_at");`);
    this.addSql(`alter table "licenses_webhook_delivery" add constraint "licenses_webhook_delivery_endpoint_id_event_id_unique" unique ("endpoint_id", "event_id");`);

    this.addSql(`create table "licenses_webhook_endpoint" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "url" text not null, "events" jsonb not null, "signing_secret_sealed" text not null, constraint "licenses_webhook_endpoint_pkey" primary key ("id"));`);
    this.addSql(`create index "licenses_webhook_endpoint_account_id_index" on "licenses_webhook_endpoint" ("account_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "licenses_account" cascade;`);

    this.addSql(`drop table if exists "licenses_license" cascade;`);

    this.addSql(`drop table if exists "licenses_field_policy" cascade;`);

    this.addSql(`drop table if exists "licenses_field_policy_field" cascade;`);

    this.addSql(`drop table if exists "licenses_license_metadata" cascade;`);

    this.addSql(`drop table if exists "licenses_machine" cascade;`);

    this.addSql(`drop table if exists "licenses_meter_attribute" cascade;`);

    this.addSql(`drop table if exists "licenses_organization" cascade;`);

    this.addSql(`drop table if exists "licenses_outbox" cascade;`);

    this.addSql(`drop table if exists "licenses_policy" cascade;`);

    this.addSql(`drop table if exists "licenses_product" cascade;`);

    this.addSql(`drop table if exists "licenses_reseller" cascade;`);

    this.addSql(`drop table if exists "licenses_user" cascade;`);

    this.addSql(`drop table if exists "licenses_webhook_delivery" cascade;`);

    this.addSql(`drop table if exists "licenses_webhook_endpoint" cascade;`);
  }

}
