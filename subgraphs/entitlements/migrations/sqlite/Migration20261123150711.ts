import { Migration } from '@mikro-orm/migrations';

export class Migration20261123150711 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`entitlements_entitlement\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`organization_id\` text not null, \`name\` text not null, \`description\` text null, \`valid_from\` datetime null, \`valid_until\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`entitlements_entitlement_account_id_index\` on \`entitlements_entitlement\` (\`account_id\`);`);
    this.addSql(`create index \`entitlements_entitlement_organization_id_index\` on \`entitlements_entitlement\` (\`organization_id\`);`);

    this.addSql(`create table \`entitlements_entitlement_license\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`entitlement_id\` text not null, \`license_id\` text not null, \`licensed_item_id\` text not null, \`license_model_id\` text not null, \`valid_from\` datetime null, \`valid_until\` datetime null, \`active\` integer not null default true, \`scope_bindings\` json not null, primary key (\`id\`));`);
    this.addSql(`create index \`entitlements_entitlement_license_account_id_index\` on \`entitlements_entitlement_license\` (\`account_id\`);`);
    this.addSql(`create index \`entitlements_entitlement_license_entitlement_id_index\` on \`entitlements_entitlement_license\` (\`entitlement_id\`);`);
    this.addSql(`create index \`entitlements_entitlement_license_license_id_index\` on \`entitlements_entitlement_license\` (\`license_id\`);`);
    this.addSql(`create index \`entitlements_entitlement_license_licensed_item_id_index\` on \`entitlements_entitlement_license\` (\`licensed_item_id\`);`);
    this.addSql(`create index \`entitlements_entitlement_license_license_model_id_index\` on \`entitlements_entitlement_license\` (\`license_model_id\`);`);
    this.addSql(`create unique index \`entitlements_entitlement_license_account_id_license_id_unique\` on \`entitlements_entitlement_license\` (\`account_id\`, \`license_id\`);`);

    this.addSql(`create table \`entitlements_licensed_item\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`display_name\` text null, \`description\` text null, \`type\` text null, \`version\` text null, \`aggregated_item_ids\` json not null, primary key (\`id\`));`);
    this.addSql(`create index \`entitlements_licensed_item_account_id_index\` on \`entitlements_licensed_item\` (\`account_id\`);`);
    this.addSql(`create unique index \`entitlements_licensed_item_account_id_name_unique\` on \`entitlements_licensed_item\` (\`account_id\`, \`name\`);`);

    this.addSql(`create table \`entitlements_license_model\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`description\` text null, \`assigned_license_constraint\` json null, \`concurrent_sessions\` json null, \`lease_time_behavior\` json null, \`license_locking_behavior\` json null, \`license_pool_behavior\` json null, \`scoped_license_constraint\` json null, \`seat_count_constraint\` json null, \`use_count_constraint\` json null, \`use_time_constraint\` json null, \`version_constraint\` json null, primary key (\`id\`));`);
    this.addSql(`create index \`entitlements_license_model_account_id_index\` on \`entitlements_license_model\` (\`account_id\`);`);
    this.addSql(`create unique index \`entitlements_license_model_account_id_name_unique\` on \`entitlements_license_model\` (\`account_id\`, \`name\`);`);

    this.addSql(`create table \`entitlements_license_order\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`organization_id\` text not null, \`order_number\` text null, \`order_date\` datetime null, \`canceled\` integer not null default false, \`metadata\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`entitlements_license_order_account_id_index\` on \`entitlements_license_order\` (\`account_id\`);`);
    this.addSql(`create index \`entitlements_license_order_organization_id_index\` on \`entitlements_license_order\` (\`organization_id\`);`);

    this.addSql(`create table \`entitlements_license_order_line\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`license_order_id\` text not null, \`position\` integer not null, \`line_number\` text null, \`product_id\` text null, \`product_code\` text null, \`license_id\` text not null, \`entitlement_id\` text null, \`licensed_item_id\` text not null, \`credit_type\` text not null, \`quantity\` bigint not null, \`order_valid_from\` datetime null, \`order_valid_until\` datetime null, \`metadata\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`entitlements_license_order_line_account_id_index\` on \`entitlements_license_order_line\` (\`account_id\`);`);
    this.addSql(`create index \`entitlements_license_order_line_license_order_id_index\` on \`entitlements_license_order_line\` (\`license_order_id\`);`);
    this.addSql(`create index \`entitlements_license_order_line_license_id_index\` on \`entitlements_license_order_line\` (\`license_id\`);`);

    this.addSql(`create table \`entitlements_outbox\` (\`seq\` integer not null primary key autoincrement, \`event_id\` text not null, \`account_id\` text not null, \`type\` text not null, \`entity_type\` text not null, \`entity_id\` text not null, \`payload\` json not null, \`occurred_at\` datetime not null, \`published_at\` datetime null);`);
    this.addSql(`create unique index \`entitlements_outbox_event_id_unique\` on \`entitlements_outbox\` (\`event_id\`);`);
    this.addSql(`create index \`entitlements_outbox_account_id_index\` on \`entitlements_outbox\` (\`account_id\`);`);
    this.addSql(`create index \`entitlements_outbox_published_at_index\` on \`entitlements_outbox\` (\`published_at\`);`);

    this.addSql(`create table \`entitlements_seat_count_credit\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`license_id\` text not null, \`license_order_line_id\` text null, \`valid_from\` datetime null, \`valid_until\` datetime null, \`active\` integer not null default true, \`allowed_versions\` text null, \`allowed_versions_description\` text null, \`scope_bindings\` json not null, \`seat_count\` integer not null, \`seats_consumed\` integer not null default 0, primary key (\`id\`));`);
    this.addSql(`create index \`entitlements_seat_count_credit_account_id_index\` on \`entitlements_seat_count_credit\` (\`account_id\`);`);
    this.addSql(`create index \`entitlements_seat_count_credit_license_id_index\` on \`entitlements_seat_count_credit\` (\`license_id\`);`);
    this.addSql(`create index \`entitlements_seat_count_credit_license_order_line_id_index\` on \`entitlements_seat_count_credit\` (\`license_order_line_id\`);`);

    this.addSql(`create table \`entitlements_use_count_credit\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`license_id\` text not null, \`license_order_line_id\` text null, \`valid_from\` datetime null, \`valid_until\` datetime null, \`active\` integer not null default true, \`allowed_versions\` text null, \`allowed_versions_description\` text null, \`scope_bindings\` json not null, \`use_count\` integer not null, \`count_used\` integer not null default 0, primary key (\`id\`));`);
    this.addSql(`create index \`entitlements_use_count_credit_account_id_index\` on \`entitlements_use_count_credit\` (\`account_id\`);`);
    this.addSql(`create index \`entitlements_use_count_credit_license_id_index\` on \`entitlements_use_count_credit\` (\`license_id\`);`);
    this.addSql(`create index \`entitlements_use_count_credit_license_order_line_id_index\` on \`entitlements_use_count_credit\` (\`license_order_line_id\`);`);

    this.addSql(`create table \`entitlements_use_time_credit\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`license_id\` text not null, \`license_order_line_id\` text null, \`valid_from\` datetime null, \`valid_until\` datetime null, \`active\` integer not null default true, \`allowed_versions\` text null, \`allowed_versions_description\` text null, \`scope_bindings\` json not null, \`use_time\` bigint not null, \`time_used\` bigint not null default 0, primary key (\`id\`));`);
    this.addSql(`create index \`entitlements_use_time_credit_account_id_index\` on \`entitlements_use_time_credit\` (\`account_id\`);`);
    this.addSql(`create index \`entitlements_use_time_credit_license_id_index\` on \`entitlements_use_time_credit\` (\`license_id\`);`);
    this.addSql(`create index \`entitlements_use_time_credit_license_order_line_id_index\` on \`entitlements_use_time_credit\` (\`license_order_line_id\`);`);
  }

}
