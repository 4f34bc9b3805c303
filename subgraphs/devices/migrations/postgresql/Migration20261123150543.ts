import { Migration } from '@mikro-orm/migrations';

export class Migration20261123150543 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "devices_datacenter" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(255) not null, "location" varchar(255) null, constraint "devices_datacenter_pkey" primary key ("id"));`);
    this.addSql(`create index "devices_datacenter_account_id_index" on "devices_datacenter" ("account_id");`);

    this.addSql(`create table "devices_device" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "fingerprint" varchar(255) not null, "product_id" varchar(64) null, "serial_number" varchar(64) null, "hostname" varchar(255) null, "platform" varchar(255) null, "cores" int not null default 1, "is_virtual" boolean not null default false, "host_device_id" uuid null, "datacenter_id" uuid null, "boot_level" varchar(20) not null default 'STANDARD', "throughput" int null, "eula_accepted" boolean not null default false, "eula_accepted_at" timestamptz null, "eula_uri" varchar(2048) null, constraint "devices_device_pkey" primary key ("id"));`);
    this.addSql(`create index "devices_device_account_id_index" on "devices_device" ("account_id");`);
    this.addSql(`create index "devices_device_host_device_id_index" on "devices_device" ("host_device_id");`);
    this.addSql(`create index "devices_device_datacenter_id_index" on "devices_device" ("datacenter_id");`);
    this.addSql(`alter table "devices_device" add constraint "devices_device_account_id_fingerprint_unique" unique ("account_id", "fingerprint");`);

    this.addSql(`create table "devices_device_license_line" ("id" uuid not null, "account_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "device_id" uuid not null, "license_id" uuid null, "index" int not null, "feature" varchar(255) not null, "version" varchar(64) null, "license_type" varchar(255) not null, "start_date" varchar(10) null, "end_date" varchar(10) null, "license_state" varchar(255) not null, "evaluation_period" varchar(64) null, "evaluation_period_left" varchar(64) null, "evaluation_period_used" varchar(64) null, "evaluation_expiry_date" timestamptz null, "lock_type" varchar(255) null, "vendor_product_id" varchar(64) null, "vendor_serial_number" varchar(64) null, "license_addition" varchar(20) null, "license_generation_version" varchar(64) null, "license_count" int not null default 0, "license_priority" varchar(20) null, "store_index" int null, "storage_name" varchar(255) null, constraint "devices_device_license_line_pkey" primary key ("id"));`);
    this.addSql(`create index "devices_device_license_line_account_id_index" on "devices_device_license_line" ("account_id");`);
    this.addSql(`create index "devices_device_license_line_device_id_index" on "devices_device_license_line" ("device_id");`);
    this.addSql(`create index "devices_device_license_line_license_id_index" on "devices_device_license_line" ("license_id");`);
    this.addSql(`alter table "devices_device_license_line" add constraint "devices_device_license_line_device_id_index_unique" unique ("device_id", "index");`);

    this.addSql(`create table "devices_outbox" ("seq" serial primary key, "event_id" varchar(36) not null, "account_id" varchar(36) not null, "type" varchar(100) not null, "entity_type" varchar(100) not null, "entity_id" varchar(36) not null, "payload" jsonb not null, "occurred_at" timestamptz not null, "published_at" timestamptz null);`);
    this.addSql(`alter table "devices_outbox" add constraint "devices_outbox_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "devices_outbox_account_id_index" on "devices_outbox" ("account_id");`);
    this.addSql(`create index "devices_outbox_published_at_index" on "devices_outbox" ("published_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "devices_datacenter" cascade;`);

    this.addSql(`drop table if exists "devices_device" cascade;`);

    this.addSql(`drop table if exists "devices_device_license_line" cascade;`);

    this.addSql(`drop table if exists "devices_outbox" cascade;`);
  }

}
