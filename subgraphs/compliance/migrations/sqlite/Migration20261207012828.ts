import { Migration } from '@mikro-orm/migrations';

export class Migration20261207012828 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`compliance_reported_device\` (\`id\` text not null, \`account_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`device_id\` text not null, \`sequence\` integer not null default 0, \`event_id\` text null, \`reported_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`compliance_reported_device_account_id_index\` on \`compliance_reported_device\` (\`account_id\`);`);
    this.addSql(`create unique index \`compliance_reported_device_account_id_device_id_unique\` on \`compliance_reported_device\` (\`account_id\`, \`device_id\`);`);

    this.addSql(`alter table \`compliance_license_tracking\` add column \`source\` text not null default 'MANUAL';`);
    this.addSql(`alter table \`compliance_license_tracking\` add column \`reporting_device_id\` text null;`);
    this.addSql(`alter table \`compliance_license_tracking\` add column \`reported_at\` datetime null;`);
    this.addSql(`create index \`compliance_license_tracking_reporting_device_id_index\` on \`compliance_license_tracking\` (\`reporting_device_id\`);`);
  }

}
