import { Migration } from '@mikro-orm/migrations';

export class Migration20261123150542 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`devices_datacenter\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`location\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`devices_datacenter_account_id_index\` on \`devices_datacenter\` (\`account_id\`);`);

    this.addSql(`create table \`devices_device\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`fingerprint\` text not null, \`product_id\` text null, \`serial_number\` text null, \`hostname\` text null, \`platform\` text null, \`cores\` integer not null default 1, \`is_virtual\` integer not null default false, \`host_device_id\` text null, \`datacenter_id\` text null, \`boot_level\` text not null default 'STANDARD', \`throughput\` integer null, \`eula_accepted\` integer not null default false, \`eula_accepted_at\` datetime null, \`eula_uri\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`devices_device_account_id_index\` on \`devices_device\` (\`account_id\`);`);
    this.addSql(`create index \`devices_device_host_device_id_index\` on \`devices_device\` (\`host_device_id\`);`);
    this.addSql(`create index \`devices_device_datacenter_id_index\` on \`devices_device\` (\`datacenter_id\`);`);
    this.addSql(`create unique index \`devices_device_account_id_fingerprint_unique\` on \`devices_device\` (\`account_id\`, \`fingerprint\`);`);

    this.addSql(`create table \`devices_device_license_line\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`device_id\` text not null, \`license_id\` text null, \`index\` integer not null, \`feature\` text not null, \`version\` text null, \`license_type\` text not null, \`start_date\` text null, \`end_date\` text null, \`license_state\` text not null, \`evaluation_period\` text null, \`evaluation_period_left\` text null, \`evaluation_period_used\` text null, \`evaluation_expiry_date\` datetime null, \`lock_type\` text null, \`vendor_product_id\` text null, \`vendor_serial_number\` text null, \`license_addition\` text null, \`license_generation_version\` text null, \`license_count\` integer not null default 0, \`license_priority\` text null, \`store_index\` integer null, \`storage_name\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`devices_device_license_line_account_id_index\` on \`devices_device_license_line\` (\`account_id\`);`);
    this.addSql(`create index \`devices_device_license_line_device_id_index\` on \`devices_device_license_line\` (\`device_id\`);`);
    this.addSql(`create index \`devices_device_license_line_license_id_index\` on \`devices_device_license_line\` (\`license_id\`);`);
    this.addSql(`create unique index \`devices_device_license_line_device_id_index_unique\` on \`devices_device_license_line\` (\`device_id\`, \`index\`);`);

    this.addSql(`create table \`devices_outbox\` (\`seq\` integer not null primary key autoincrement, \`event_id\` text not null, \`account_id\` text not null, \`type\` text not null, \`entity_type\` text not null, \`entity_id\` text not null, \`payload\` json not null, \`occurred_at\` datetime not null, \`published_at\` datetime null);`);
    this.addSql(`create unique index \`devices_outbox_event_id_unique\` on \`devices_outbox\` (\`event_id\`);`);
    this.addSql(`create index \`devices_outbox_account_id_index\` on \`devices_outbox\` (\`account_id\`);`);
    this.addSql(`create index \`devices_outbox_published_at_index\` on \`devices_outbox\` (\`published_at\`);`);
  }

}
