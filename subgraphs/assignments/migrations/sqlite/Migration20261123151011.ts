import { Migration } from '@mikro-orm/migrations';

export class Migration20261123151011 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`assignments_assignment_type\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`assignment_type\` integer not null, \`name\` text not null, \`description\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`assignments_assignment_type_account_id_index\` on \`assignments_assignment_type\` (\`account_id\`);`);
    this.addSql(`create unique index \`assignments_assignment_type_account_id_assignment_type_unique\` on \`assignments_assignment_type\` (\`account_id\`, \`assignment_type\`);`);
    this.addSql(`create unique index \`assignments_assignment_type_account_id_name_unique\` on \`assignments_assignment_type\` (\`account_id\`, \`name\`);`);

    this.addSql(`create table \`assignments_computer_assignment\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`license_id\` text not null, \`quantity\` integer not null default 1, \`batch_position\` integer not null default 0, \`computer_id\` text not null, \`virtual_machines\` json not null, primary key (\`id\`));`);
    this.addSql(`create index \`assignments_computer_assignment_account_id_index\` on \`assignments_computer_assignment\` (\`account_id\`);`);
    this.addSql(`create index \`assignments_computer_assignment_license_id_index\` on \`assignments_computer_assignment\` (\`license_id\`);`);
    this.addSql(`create index \`assignments_computer_assignment_computer_id_index\` on \`assignments_computer_assignment\` (\`computer_id\`);`);
    this.addSql(`create unique index \`assignments_computer_assignment_account_id_license_id_computer_id_unique\` on \`assignments_computer_assignment\` (\`account_id\`, \`license_id\`, \`computer_id\`);`);

    this.addSql(`create table \`assignments_datacenter_assignment\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`license_id\` text not null, \`quantity\` integer not null default 1, \`batch_position\` integer not null default 0, \`datacenter_id\` text not null, \`virtual_machines\` json not null, primary key (\`id\`));`);
    this.addSql(`create index \`assignments_datacenter_assignment_account_id_index\` on \`assignments_datacenter_assignment\` (\`account_id\`);`);
    this.addSql(`create index \`assignments_datacenter_assignment_license_id_index\` on \`assignments_datacenter_assignment\` (\`license_id\`);`);
    this.addSql(`create index \`assignments_datacenter_assignment_datacenter_id_index\` on \`assignments_datacenter_assignment\` (\`datacenter_id\`);`);
    this.addSql(`create unique index \`assignments_datacenter_assignment_account_id_license_id_datacenter_id_unique\` on \`assignments_datacenter_assignment\` (\`account_id\`, \`license_id\`, \`datacenter_id\`);`);

    this.addSql(`create table \`assignments_organization_assignment\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`license_id\` text not null, \`quantity\` integer not null default 1, \`batch_position\` integer not null default 0, \`organization_id\` text not null, \`is_auto_allocated\` integer not null default false, primary key (\`id\`));`);
    this.addSql(`create index \`assignments_organization_assignment_account_id_index\` on \`assignments_organization_assignment\` (\`account_id\`);`);
    this.addSql(`create index \`assignments_organization_assignment_license_id_index\` on \`assignments_organization_assignment\` (\`license_id\`);`);
    this.addSql(`create index \`assignments_organization_assignment_organization_id_index\` on \`assignments_organization_assignment\` (\`organization_id\`);`);
    this.addSql(`create unique index \`assignments_organization_assignment_account_id_license_id_organization_id_unique\` on \`assignments_organization_assignment\` (\`account_id\`, \`license_id\`, \`organization_id\`);`);

    this.addSql(`create table \`assignments_outbox\` (\`seq\` integer not null primary key autoincrement, \`event_id\` text not null, \`account_id\` text not null, \`type\` text not null, \`entity_type\` text not null, \`entity_id\` text not null, \`payload\` json not null, \`occurred_at\` datetime not null, \`published_at\` datetime null);`);
    this.addSql(`create unique index \`assignments_outbox_event_id_unique\` on \`assignments_outbox\` (\`event_id\`);`);
    this.addSql(`create index \`assignments_outbox_account_id_index\` on \`assignments_outbox\` (\`account_id\`);`);
    this.addSql(`create index \`assignments_outbox_published_at_index\` on \`assignments_outbox\` (\`published_at\`);`);

    this.addSql(`create table \`assignments_site_assignment\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`license_id\` text not null, \`quantity\` integer not null default 1, \`batch_position\` integer not null default 0, \`organization_id\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`assignments_site_assignment_account_id_index\` on \`assignments_site_assignment\` (\`account_id\`);`);
    this.addSql(`create index \`assignments_site_assignment_license_id_index\` on \`assignments_site_assignment\` (\`license_id\`);`);
    this.addSql(`create index \`assignments_site_assignment_organization_id_index\` on \`assignments_site_assignment\` (\`organization_id\`);`);
    this.addSql(`create unique index \`assignments_site_assignment_account_id_license_id_unique\` on \`assignments_site_assignment\` (\`account_id\`, \`license_id\`);`);

    this.addSql(`create table \`assignments_user_assignment\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`license_id\` text not null, \`quantity\` integer not null default 1, \`batch_position\` integer not null default 0, \`user_id\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`assignments_user_assignment_account_id_index\` on \`assignments_user_assignment\` (\`account_id\`);`);
    this.addSql(`create index \`assignments_user_assignment_license_id_index\` on \`assignments_user_assignment\` (\`license_id\`);`);
    this.addSql(`create index \`assignments_user_assignment_user_id_index\` on \`assignments_user_assignment\` (\`user_id\`);`);
    this.addSql(`create unique index \`assignments_user_assignment_account_id_license_id_user_id_unique\` on \`assignments_user_assignment\` (\`account_id\`, \`license_id\`, \`user_id\`);`);
  }

}
