import { Migration } from '@mikro-orm/migrations';

export class Migration20261207012822 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`devices_call_home_profile\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`device_id\` text not null, \`name\` text not null, \`active\` integer not null default true, \`anonymous_reporting_only\` integer not null default false, \`destination_transport_email\` integer not null default false, \`destination_transport_http\` integer not null default false, \`destination_address\` json not null, \`subscribe_group_all\` json null, \`subscribe_group_syslog\` json null, \`subscribe_group_configuration\` json null, \`subscribe_group_inventory\` json null, \`subscribe_group_snapshot\` json null, primary key (\`id\`));`);
    this.addSql(`create index \`devices_call_home_profile_account_id_index\` on \`devices_call_home_profile\` (\`account_id\`);`);
    this.addSql(`create index \`devices_call_home_profile_device_id_index\` on \`devices_call_home_profile\` (\`device_id\`);`);
    this.addSql(`create unique index \`devices_call_home_profile_account_id_device_id_name_unique\` on \`devices_call_home_profile\` (\`account_id\`, \`device_id\`, \`name\`);`);

    this.addSql(`alter table \`devices_device\` add column \`last_call_home_at\` datetime null;`);
    this.addSql(`alter table \`devices_device\` add column \`call_home_report_count\` integer not null default 0;`);
  }

}
