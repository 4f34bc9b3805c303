import { Migration } from '@mikro-orm/migrations';

export class Migration20261207010441 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`devices_device\` add column \`smart_license_enabled\` integer not null default false;`);
    this.addSql(`alter table \`devices_device\` add column \`smart_license_profile\` text not null default 'CiscoTAC-1';`);
    this.addSql(`alter table \`devices_device\` add column \`smart_license_state\` text not null default 'UNIDENTIFIED';`);
    this.addSql(`alter table \`devices_device\` add column \`smart_license_id_token_sealed\` text null;`);
    this.addSql(`alter table \`devices_device\` add column \`smart_license_registered_at\` datetime null;`);
    this.addSql(`alter table \`devices_device\` add column \`smart_license_id_renewed_at\` datetime null;`);
    this.addSql(`alter table \`devices_device\` add column \`smart_license_authorization_renewed_at\` datetime null;`);
    this.addSql(`alter table \`devices_device\` add column \`call_home_aaa_authorization\` integer not null default false;`);
    this.addSql(`alter table \`devices_device\` add column \`call_home_aaa_authorization_username\` text not null default 'callhome';`);
    this.addSql(`alter table \`devices_device\` add column \`call_home_contact_email\` text null;`);
    this.addSql(`alter table \`devices_device\` add column \`call_home_data_privacy_level\` text not null default 'NORMAL';`);
    this.addSql(`alter table \`devices_device\` add column \`call_home_data_privacy_hostname\` integer not null default false;`);
    this.addSql(`alter table \`devices_device\` add column \`call_home_http_proxy_server_address\` text null;`);
    this.addSql(`alter table \`devices_device\` add column \`call_home_http_proxy_server_port\` integer null;`);
    this.addSql(`alter table \`devices_device\` add column \`call_home_rate_limit\` integer not null default 20;`);
  }

}
